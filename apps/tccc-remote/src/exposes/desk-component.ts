/** `tccc_remote/DeskComponent`: the standalone `<tccc-desk>` component. */
export { DeskComponent } from '../lib/ui/desk.component';
export { DEFAULT_SHORTCUTS, SHORTCUT_ACTIONS, type DeskShortcuts, type ShortcutAction } from '../lib/ui/shortcuts';
