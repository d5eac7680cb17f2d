import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TCCC_DESK } from '../angular/desk-token';
import { resetDeskLocale, setDeskLocale } from '../desk/page-locale';
import { FakeDesk, session } from '../../testing/fake-desk';
import { DeskComponent } from './desk.component';

describe('<tccc-desk> keyboard, focus and language', () => {
  let desk: FakeDesk;
  let fixture: ComponentFixture<DeskComponent>;
  let hostInput: HTMLInputElement;

  /** Rendered, including @defer blocks whose chunk (a dynamic import here) has just been asked for. */
  const stable = async () => {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  };
  const el = (testId: string) => fixture.nativeElement.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null;
  const press = async (key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    target.dispatchEvent(event);
    await stable();
    return event;
  };

  beforeEach(async () => {
    resetDeskLocale();
    hostInput = document.createElement('input');
    document.body.appendChild(hostInput);
    desk = new FakeDesk();
    TestBed.configureTestingModule({
      imports: [DeskComponent],
      providers: [provideZonelessChangeDetection(), { provide: TCCC_DESK, useValue: desk }],
    });
    fixture = TestBed.createComponent(DeskComponent);
    document.body.appendChild(fixture.nativeElement);
    await stable();
  });

  afterEach(() => {
    fixture.destroy();
    hostInput.remove();
    resetDeskLocale();
  });

  it('accepts, holds, mutes and hangs up from the keyboard', async () => {
    desk.setSessions([session({ id: 'c1', status: 'ringing' })]);
    await stable();
    expect((await press('a')).defaultPrevented).toBe(true);
    expect(desk.call.accept).toHaveBeenCalledWith('c1');

    desk.setSessions([session({ id: 'c1', status: 'talking', answeredAt: Date.now() })]);
    await stable();
    await press('h');
    expect(desk.call.hold).toHaveBeenCalledWith('c1');
    await press('m');
    expect(desk.call.mute).toHaveBeenCalledWith('c1');
    await press('t');
    await stable();
    expect(document.activeElement).toBe(el('transfer-user'));
    (document.activeElement as HTMLElement).blur();
    await press('e');
    expect(desk.call.hangUp).toHaveBeenCalledWith('c1');
    await press('d');
    expect(document.activeElement).toBe(el('dial-input'));
  });

  it('sets Available and On a break', async () => {
    await press('b');
    expect(desk.agent.setStatus).toHaveBeenCalledWith({ status: 'rest', restReason: 'Break' });
    await press('r');
    expect(desk.agent.setStatus).toHaveBeenLastCalledWith({ status: 'free', restReason: undefined });
  });

  it("never fires while the agent types in the host's input, and leaves keys it does not use alone", async () => {
    desk.setSessions([session({ id: 'c1', status: 'ringing' })]);
    await stable();
    hostInput.focus();
    const typed = await press('a', hostInput);
    expect(typed.defaultPrevented).toBe(false);
    expect(desk.call.accept).not.toHaveBeenCalled();
    // Hold does not apply to a ringing call: the key is not swallowed.
    expect((await press('h')).defaultPrevented).toBe(false);
  });

  it('can be rebound or turned off by the host', async () => {
    desk.setSessions([session({ id: 'c1', status: 'ringing' })]);
    fixture.componentRef.setInput('shortcuts', { accept: 'Alt+A' });
    await stable();
    await press('a');
    expect(desk.call.accept).not.toHaveBeenCalled();
    await press('a', document.body, { altKey: true });
    expect(desk.call.accept).toHaveBeenCalledTimes(1);

    fixture.componentRef.setInput('shortcuts', false);
    await stable();
    await press('a', document.body, { altKey: true });
    await press('?');
    expect(desk.call.accept).toHaveBeenCalledTimes(1);
    expect(el('shortcut-panel')).toBeNull();
    expect(el('shortcut-help-toggle')).toBeNull();
  });

  it('lists the shortcuts in a help panel on ?, closed with Escape', async () => {
    await press('?', document.body, { shiftKey: true });
    const help = el('shortcut-panel');
    expect(help).not.toBeNull();
    expect(el('shortcut-accept')?.textContent).toContain('Accept the ringing contact');
    expect(el('shortcut-accept')?.querySelector('kbd')?.textContent).toBe('A');
    expect(help?.querySelectorAll('kbd').length).toBe(9);
    await press('Escape');
    expect(el('shortcut-panel')).toBeNull();
  });

  it('moves focus to Accept when a contact rings, but not out of a form the agent is typing in', async () => {
    desk.setSessions([session({ id: 'c1', status: 'ringing', peer: { displayName: 'Ada' } })]);
    await stable();
    expect(document.activeElement).toBe(el('accept'));
    expect(el('incoming-call')?.textContent).toContain('Incoming call from Ada');
    expect(el('incoming-call')?.textContent).toContain('Press A to accept.');

    desk.setSessions([]);
    await stable();
    hostInput.focus();
    desk.setSessions([session({ id: 'c2', status: 'ringing', peer: { displayName: 'Bo' } })]);
    await stable();
    expect(document.activeElement).toBe(hostInput);
    expect(el('incoming-call')?.getAttribute('aria-live')).toBe('assertive');
    expect(el('incoming-call')?.textContent).toContain('Incoming call from Bo');
  });

  it('switches language at run time without re-creating the desk or its call', async () => {
    desk.setSessions([session({ id: 'c1', status: 'talking', answeredAt: Date.now() })]);
    await stable();
    const card = el('active-session');
    expect(el('hangup')?.textContent?.trim()).toBe('Hang up');

    setDeskLocale('zh-CN');
    await stable();
    expect(el('hangup')?.textContent?.trim()).toBe('挂断');
    expect(el('active-status')?.textContent).toContain('通话中');
    expect(fixture.nativeElement.getAttribute('lang')).toBe('zh-CN');
    expect(el('active-session')).toBe(card); // the same card, not a new desk
    expect(desk.connect).toHaveBeenCalledTimes(0);

    setDeskLocale('en-US');
    await stable();
    expect(el('hangup')?.textContent?.trim()).toBe('Hang up');
    expect(() => setDeskLocale('fr')).toThrow(/setDeskLocale: locale must be one of en, zh-CN/);
  });
});
