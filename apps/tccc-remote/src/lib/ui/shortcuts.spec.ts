import { DEFAULT_SHORTCUTS, matchShortcut, parseBinding, resolveShortcuts } from './shortcuts';

function keydown(key: string, init: KeyboardEventInit = {}, target: Element = document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

describe('shortcuts', () => {
  const defaults = resolveShortcuts(undefined);

  it('maps the default keys to the actions', () => {
    expect(matchShortcut(keydown('a'), defaults)).toBe('accept');
    expect(matchShortcut(keydown('e'), defaults)).toBe('hangUp');
    expect(matchShortcut(keydown('h'), defaults)).toBe('hold');
    expect(matchShortcut(keydown('?', { shiftKey: true }), defaults)).toBe('help');
    expect(matchShortcut(keydown('A', { shiftKey: false }), defaults)).toBe('accept'); // caps lock
    expect(matchShortcut(keydown('x'), defaults)).toBeNull();
  });

  it('never fires while typing: in inputs, textareas, selects and editable elements, or composing (IME)', () => {
    const host = document.createElement('div');
    host.innerHTML = `<input id="text"><input id="box" type="checkbox"><textarea></textarea><select></select>
      <div contenteditable="true"><span id="inside">x</span></div><button id="button">ok</button>`;
    document.body.appendChild(host);
    const $ = (selector: string) => host.querySelector(selector) as Element;
    expect(matchShortcut(keydown('a', {}, $('#text')), defaults)).toBeNull();
    expect(matchShortcut(keydown('a', {}, $('textarea')), defaults)).toBeNull();
    expect(matchShortcut(keydown('a', {}, $('select')), defaults)).toBeNull();
    expect(matchShortcut(keydown('a', {}, $('#inside')), defaults)).toBeNull();
    expect(matchShortcut(keydown('a', { isComposing: true }), defaults)).toBeNull();
    // Not typing: a checkbox or a button has focus.
    expect(matchShortcut(keydown('a', {}, $('#box')), defaults)).toBe('accept');
    expect(matchShortcut(keydown('a', {}, $('#button')), defaults)).toBe('accept');
    host.remove();
  });

  it('never fires in ARIA text widgets, nor from a custom element whose closed shadow root hides an input', () => {
    customElements.define(
      'x-closed-field',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'closed' }).innerHTML = '<input>';
        }
      },
    );
    const host = document.createElement('div');
    host.innerHTML = `<div id="editor" role="textbox" tabindex="0"></div><div id="typeahead" role="combobox" tabindex="0"></div>
      <x-closed-field id="closed"></x-closed-field><div id="open-host"></div>`;
    document.body.appendChild(host);
    const $ = (selector: string) => host.querySelector(selector) as Element;
    expect(matchShortcut(keydown('a', {}, $('#editor')), defaults)).toBeNull();
    expect(matchShortcut(keydown('a', {}, $('#typeahead')), defaults)).toBeNull();
    expect(matchShortcut(keydown('a', {}, $('#closed')), defaults)).toBeNull();
    // An open shadow root shows its inside: a button there is not typing.
    const open = $('#open-host').attachShadow({ mode: 'open' });
    open.innerHTML = '<button>ok</button>';
    expect(matchShortcut(keydown('a', {}, open.querySelector('button') as Element), defaults)).toBe('accept');
    host.remove();
  });

  it('leaves keys with Ctrl/Alt/Meta, repeats and handled events alone', () => {
    expect(matchShortcut(keydown('a', { ctrlKey: true }), defaults)).toBeNull();
    expect(matchShortcut(keydown('a', { altKey: true }), defaults)).toBeNull();
    expect(matchShortcut(keydown('a', { metaKey: true }), defaults)).toBeNull();
    expect(matchShortcut(keydown('a', { shiftKey: true }), defaults)).toBeNull();
    expect(matchShortcut(keydown('a', { repeat: true }), defaults)).toBeNull();
    const handled = keydown('a');
    handled.preventDefault();
    expect(matchShortcut(handled, defaults)).toBeNull();
  });

  it('is configurable: rebind, turn one off, turn all off', () => {
    const custom = resolveShortcuts({ accept: 'Alt+Shift+A', hold: null });
    expect(matchShortcut(keydown('A', { altKey: true, shiftKey: true }), custom)).toBe('accept');
    expect(matchShortcut(keydown('a'), custom)).toBeNull();
    expect(matchShortcut(keydown('h'), custom)).toBeNull();
    expect(matchShortcut(keydown('m'), custom)).toBe('mute');
    expect(custom.get('accept')?.label).toBe('Alt+Shift+A');
    expect(resolveShortcuts(false).size).toBe(0);
    expect(resolveShortcuts(undefined).size).toBe(Object.keys(DEFAULT_SHORTCUTS).length);
  });

  it('an Alt binding works where Option changes the character (macOS: Option+A types "å", Option+1 "¡")', () => {
    const custom = resolveShortcuts({ accept: 'Alt+A', hangUp: 'Alt+1', mute: 'Alt+Shift+M' });
    expect(matchShortcut(keydown('å', { altKey: true, code: 'KeyA' }), custom)).toBe('accept');
    expect(matchShortcut(keydown('¡', { altKey: true, code: 'Digit1' }), custom)).toBe('hangUp');
    expect(matchShortcut(keydown('Â', { altKey: true, shiftKey: true, code: 'KeyM' }), custom)).toBe('mute');
    // Without Alt the layout's character decides (AZERTY's "a" is where its label is), not the key's place.
    expect(matchShortcut(keydown('q', { code: 'KeyA' }), resolveShortcuts(undefined))).toBeNull();
    expect(matchShortcut(keydown('a', { code: 'KeyQ' }), resolveShortcuts(undefined))).toBe('accept');
    // AZERTY on Windows/Linux: Alt with the key labelled A gives key "a" on code KeyQ: that is Alt+A, not Alt+Q.
    const azerty = resolveShortcuts({ accept: 'Alt+A', hangUp: 'Alt+Q' });
    expect(matchShortcut(keydown('a', { altKey: true, code: 'KeyQ' }), azerty)).toBe('accept');
    expect(matchShortcut(keydown('q', { altKey: true, code: 'KeyA' }), azerty)).toBe('hangUp');
    // A plain "a" binding still ignores Option+A.
    expect(matchShortcut(keydown('å', { altKey: true, code: 'KeyA' }), resolveShortcuts(undefined))).toBeNull();
  });

  it('rejects a configuration it cannot honour, saying what is wrong', () => {
    expect(() => resolveShortcuts({ mute: 'a' })).toThrow('shortcuts: "A" is bound to both accept and mute');
    expect(() => resolveShortcuts({ jump: 'j' } as never)).toThrow(/unknown action "jump"/);
    expect(() => resolveShortcuts({ accept: 'Hyper+A' })).toThrow(/shortcuts.accept: "Hyper\+A" is not a key/);
    expect(() => resolveShortcuts({ accept: '' })).toThrow(/shortcuts.accept/);
    expect(() => resolveShortcuts([] as never)).toThrow(/false, or an object/);
    expect(parseBinding('F2', 'dialer')).toMatchObject({ key: 'f2', label: 'F2' });
  });
});
