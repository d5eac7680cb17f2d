/**
 * Keyboard shortcuts of the desk: the agent's frequent actions on single keys (Gmail-style), on the
 * whole page, but never while the agent types: a key pressed in an input, a textarea, a select or
 * an editable element (the host's forms or the desk's own fields) is never a shortcut, nor is a key
 * of an IME composition (Chinese input) or one with Ctrl/Alt/Meta unless the binding says so.
 * The host rebinds or turns off each one, or all (`shortcuts: false`).
 */
export const SHORTCUT_ACTIONS = ['accept', 'hangUp', 'mute', 'hold', 'dialer', 'transfer', 'available', 'break', 'help'] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

/** `false`: no shortcuts. Otherwise the keys to change: `{ accept: 'Alt+A', hold: null }` (null: that one off). */
export type DeskShortcuts = false | Partial<Record<ShortcutAction, string | null>>;

export const DEFAULT_SHORTCUTS: Readonly<Record<ShortcutAction, string>> = {
  accept: 'a',
  hangUp: 'e',
  mute: 'm',
  hold: 'h',
  dialer: 'd',
  transfer: 't',
  available: 'r',
  break: 'b',
  help: '?',
};

export interface KeyBinding {
  /** The key as `KeyboardEvent.key`, lower-cased. */
  key: string;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  /** What the help panel shows, e.g. "Alt+A". */
  label: string;
}

export type ShortcutBindings = ReadonlyMap<ShortcutAction, KeyBinding>;

const MODIFIERS = new Set(['ctrl', 'control', 'alt', 'shift', 'meta', 'cmd']);

/** "a", "?", "Alt+Shift+K", "F2" → a binding; anything else → TypeError naming the action. */
export function parseBinding(text: string, action: string): KeyBinding {
  if (typeof text !== 'string' || text.trim() === '') throw new TypeError(`shortcuts.${action}: a key such as "a" or "Alt+A", or null to turn it off`);
  const parts = text.trim() === '+' ? ['+'] : text.split('+').map((part) => part.trim());
  const key = parts.pop() ?? '';
  const mods = parts.map((part) => part.toLowerCase());
  if (!key || mods.some((mod) => !MODIFIERS.has(mod)) || [...key].length > 1 && !/^(F\d{1,2}|[A-Z][a-z]+)$/.test(key)) {
    throw new TypeError(`shortcuts.${action}: "${text}" is not a key (use e.g. "a", "?", "Alt+A", "F2")`);
  }
  const binding = {
    key: key.toLowerCase(),
    ctrl: mods.includes('ctrl') || mods.includes('control'),
    alt: mods.includes('alt'),
    shift: mods.includes('shift'),
    meta: mods.includes('meta') || mods.includes('cmd'),
  };
  const label = [binding.ctrl && 'Ctrl', binding.alt && 'Alt', binding.shift && 'Shift', binding.meta && 'Meta', [...key].length === 1 ? key.toUpperCase() : key]
    .filter(Boolean)
    .join('+');
  return { ...binding, label };
}

/** The host's configuration over the defaults; a key bound twice is a TypeError. */
export function resolveShortcuts(config: DeskShortcuts | undefined): ShortcutBindings {
  const bindings = new Map<ShortcutAction, KeyBinding>();
  if (config === false) return bindings;
  if (config !== undefined && (config === null || typeof config !== 'object' || Array.isArray(config))) {
    throw new TypeError('shortcuts: false, or an object of action → key (or null)');
  }
  for (const name of Object.keys(config ?? {})) {
    if (!(SHORTCUT_ACTIONS as readonly string[]).includes(name)) {
      throw new TypeError(`shortcuts: unknown action "${name}" (one of ${SHORTCUT_ACTIONS.join(', ')})`);
    }
  }
  const seen = new Map<string, ShortcutAction>();
  for (const action of SHORTCUT_ACTIONS) {
    const text = config && action in config ? config[action] : DEFAULT_SHORTCUTS[action];
    if (text === null || text === undefined) continue;
    const binding = parseBinding(text, action);
    const id = `${binding.ctrl}${binding.alt}${binding.shift}${binding.meta}${binding.key}`;
    const other = seen.get(id);
    if (other) throw new TypeError(`shortcuts: "${binding.label}" is bound to both ${other} and ${action}`);
    seen.set(id, action);
    bindings.set(action, binding);
  }
  return bindings;
}

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey' | 'repeat' | 'isComposing' | 'defaultPrevented' | 'target'> & {
  code?: string;
  composedPath?: () => EventTarget[];
};

/** The physical letter or digit key (`KeyA` → "a", `Digit1` → "1"), or null. */
function physicalKey(code: string | undefined): string | null {
  const match = /^(?:Key([A-Z])|Digit(\d))$/.exec(code ?? '');
  return match ? (match[1] ?? match[2]).toLowerCase() : null;
}

/**
 * The key a press means for a binding: `key`, which follows the layout (AZERTY's A is where its
 * label is). Only when Alt made another character (macOS: Option+A is "å", Option+1 "¡") is the
 * letter or digit read from the physical key.
 */
function pressedKey(event: KeyEventLike): string {
  const key = event.key.toLowerCase();
  if (!event.altKey || /^[a-z0-9]$/.test(key)) return key;
  return physicalKey(event.code) ?? key;
}

const TEXT_INPUT_TYPES = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image']);

/** ARIA widgets that take typed text (custom editors, typeaheads). */
const TYPING_ROLES: ReadonlySet<string> = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

/** Whether the key goes to something the agent types into (then it is never a shortcut). */
export function isTypingTarget(event: Pick<KeyEventLike, 'target' | 'composedPath'>): boolean {
  const target = (event.composedPath?.()[0] ?? event.target) as Element | null;
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !TEXT_INPUT_TYPES.has(((element as HTMLInputElement).type || 'text').toLowerCase());
  if (TYPING_ROLES.has(element.getAttribute?.('role') ?? '')) return true;
  // A custom element whose inside we cannot see (a closed shadow root: the key's path stops at
  // its host) may hold an input: assume typing. Ours (tccc-*) have no shadow root.
  if (tag.includes('-') && !tag.startsWith('tccc-') && element.shadowRoot === null) return true;
  return element.isContentEditable || element.closest?.('[contenteditable=""],[contenteditable="true"],[contenteditable="plaintext-only"]') != null;
}

/** The action a key press is, or null (typing, composing, repeating, already handled, or unbound). */
export function matchShortcut(event: KeyEventLike, bindings: ShortcutBindings): ShortcutAction | null {
  if (event.defaultPrevented || event.isComposing || event.repeat || typeof event.key !== 'string') return null;
  if (isTypingTarget(event)) return null;
  const key = pressedKey(event);
  for (const [action, binding] of bindings) {
    if (binding.key !== key || binding.ctrl !== event.ctrlKey || binding.alt !== event.altKey || binding.meta !== event.metaKey) continue;
    // Shift only counts for letters: "?" is Shift+/ on most keyboards, and "a" is not "A".
    if (/^[a-z]$/.test(key) && binding.shift !== event.shiftKey) continue;
    return action;
  }
  return null;
}
