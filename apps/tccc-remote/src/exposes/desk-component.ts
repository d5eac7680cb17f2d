/** `tccc_remote/DeskComponent`: the standalone `<tccc-desk>` component. */
export { DeskComponent } from '../lib/ui/desk.component';
