import { DeferBlockBehavior, DeferBlockState, TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TCCC_DESK } from '../angular/desk-token';
import { FakeDesk, session } from '../../testing/fake-desk';
import { DeskComponent } from './desk.component';

describe('<tccc-desk>', () => {
  let desk: FakeDesk;
  let fixture: ComponentFixture<DeskComponent>;

  /** Rendered, including @defer blocks whose chunk (a dynamic import here) has just been asked for. */
  const stable = async () => {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  };
  const el = (testId: string): HTMLElement | null =>
    fixture.nativeElement.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null;
  const click = async (testId: string) => {
    const target = el(testId);
    if (!target) throw new Error(`no [data-testid="${testId}"] on screen`);
    target.click();
    await stable();
  };
  const type = async (testId: string, value: string) => {
    const input = el(testId) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await stable();
  };

  beforeEach(async () => {
    desk = new FakeDesk();
    TestBed.configureTestingModule({
      imports: [DeskComponent],
      providers: [provideZonelessChangeDetection(), { provide: TCCC_DESK, useValue: desk }],
    });
    fixture = TestBed.createComponent(DeskComponent);
    await stable();
  });

  afterEach(() => fixture.destroy());

  it('in a follower tab: says the desk is active in another tab, "Use it here" takes it over, no ring', async () => {
    expect(el('desk-other-tab')).toBeNull();
    desk.tabSubject.next({ role: 'follower' });
    desk.setSessions([session({ id: 'call-7', status: 'ringing', peer: { displayName: 'Ada Lovelace' } })]);
    await stable();
    expect(el('desk-other-tab')?.textContent).toContain('The desk is active in another tab');
    expect(el('incoming-call')?.textContent?.trim()).toBe('');
    // The mirrored call can still be answered from here (the leader's SDK does it).
    await click('accept');
    expect(desk.call.accept).toHaveBeenCalledWith('call-7');
    await click('desk-use-here');
    expect(desk.useHere).toHaveBeenCalledTimes(1);
    desk.tabSubject.next({ role: 'leader' });
    await stable();
    expect(el('desk-other-tab')).toBeNull();
  });

  it('shows a ringing inbound call with an accept button that accepts that session', async () => {
    desk.setSessions([session({ id: 'call-42', status: 'ringing', peer: { displayName: 'Ada Lovelace' } })]);
    await stable();

    expect(el('session-call-42')?.dataset['status']).toBe('ringing');
    expect(el('incoming-call')?.textContent).toContain('Incoming call from Ada Lovelace');
    expect(el('incoming-call')?.getAttribute('aria-live')).toBe('assertive');

    await click('accept');
    expect(desk.call.accept).toHaveBeenCalledWith('call-42');
  });

  it('offers hang-up, mute, hold, the keypad and transfer on a connected call', async () => {
    desk.setSessions([session({ id: 'c1', status: 'talking', answeredAt: 1_700_000_000_000 })]);
    await stable();
    expect(el('accept')).toBeNull();

    await click('mute');
    expect(desk.call.mute).toHaveBeenCalledWith('c1');
    await click('hold');
    expect(desk.call.hold).toHaveBeenCalledWith('c1');

    await click('keypad-toggle');
    await click('dtmf-5');
    await click('dtmf-#');
    expect(desk.call.sendDigits.mock.calls).toEqual([
      ['c1', '5'],
      ['c1', '#'],
    ]);
    expect(el('dtmf-sent')?.textContent).toContain('5#');

    await click('transfer-toggle');
    await type('transfer-skill', '7');
    await click('transfer-submit');
    expect(desk.call.transfer).toHaveBeenCalledWith({ sessionId: 'c1', skillGroupId: '7' });

    await click('hangup');
    expect(desk.call.hangUp).toHaveBeenCalledWith('c1');
  });

  it('refuses a transfer to an agent and a skill group at once', async () => {
    desk.setSessions([session({ id: 'c1', status: 'talking' })]);
    await stable();
    await click('transfer-toggle');
    await type('transfer-user', 'bob@example.com');
    await type('transfer-skill', '7');
    expect((el('transfer-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(el('transfer-hint')?.textContent).toContain('not both');
  });

  it('shows held and muted calls with the opposite commands', async () => {
    desk.setSessions([session({ id: 'c1', status: 'held', muted: true })]);
    await stable();
    await click('mute');
    await click('hold');
    expect(desk.call.unmute).toHaveBeenCalledWith('c1');
    expect(desk.call.unhold).toHaveBeenCalledWith('c1');
  });

  it('a toggle says what a press does, and is not also announced as pressed', async () => {
    desk.setSessions([session({ id: 'c1', status: 'held', muted: true })]);
    await stable();
    for (const [id, label] of [['mute', 'Unmute'], ['hold', 'Resume']]) {
      expect(el(id)?.textContent?.trim()).toBe(label);
      // "Unmute, pressed" would contradict itself: the state is in the label.
      expect(el(id)?.hasAttribute('aria-pressed')).toBe(false);
      expect(el(id)?.getAttribute('data-active')).toBe('true');
    }
  });

  it('dials a valid number and refuses letters', async () => {
    await type('dial-input', 'call me');
    expect((el('dial-button') as HTMLButtonElement).disabled).toBe(true);
    expect(el('dial-hint')).not.toBeNull();

    await type('dial-input', '+86 138-0000-0001');
    await click('dial-button');
    expect(desk.call.dial).toHaveBeenCalledWith({ phoneNumber: '+8613800000001' });
  });

  it('shows the error state with the desk error message, and retry calls desk.retry', async () => {
    desk.setLifecycle({
      status: 'error',
      error: { code: 'no_seat', message: 'No seat is assigned to you', retryable: false },
    });
    await stable();

    expect(el('desk-status')?.dataset['status']).toBe('error');
    expect(el('desk-error')?.dataset['code']).toBe('no_seat');
    expect(el('desk-error-message')?.textContent).toContain('No seat is assigned to you');
    expect(el('dial-input')).toBeNull();

    await click('desk-retry');
    expect(desk.retry).toHaveBeenCalledTimes(1);
  });

  it('reports a failed command next to the desk, not as a crash', async () => {
    desk.call.accept.mockImplementationOnce(() => Promise.reject(new Error('The session is no longer ringing')));
    desk.setSessions([session({ id: 'c9' })]);
    await stable();
    await click('accept');
    await stable();
    expect(el('command-error')?.textContent).toContain('The session is no longer ringing');
  });

  it('sets the agent status, with a rest reason, and finishes after-call work', async () => {
    const select = el('agent-status-select') as HTMLSelectElement;
    select.value = 'rest';
    select.dispatchEvent(new Event('change'));
    await stable();
    expect(desk.agent.setStatus).toHaveBeenCalledWith({ status: 'rest', restReason: 'Break' });

    desk.setAgent({ status: 'arrange', online: true });
    await stable();
    await click('acw-finish');
    expect(desk.agent.setStatus).toHaveBeenLastCalledWith({ status: 'free', restReason: undefined });
  });

  it('after-call-work notes go to the call log of the contact just ended', async () => {
    desk.store.next({ ...desk.store.value, history: [session({ id: 'ended-1', status: 'ended' })] });
    desk.setAgent({ status: 'arrange', online: true });
    await stable();
    await type('acw-notes', '  Wants a callback  ');
    await click('acw-finish');
    expect(desk.callLogs.setNotes).toHaveBeenCalledWith('ended-1', 'Wants a callback');
    expect(desk.agent.setStatus).toHaveBeenLastCalledWith({ status: 'free' });
  });

  it('downloads the desk’s diagnostics document as a JSON file', async () => {
    desk.diagnostics.mockResolvedValue({ kind: 'tccc-desk-diagnostics', format: 1, generatedAt: '2026-12-01T21:00:00.000Z' } as never);
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => (blobs.push(blob), 'blob:diagnostics'));
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    (el('diagnostics-download') as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await stable();
    expect(desk.diagnostics).toHaveBeenCalledTimes(1);
    expect(clicked[0]?.download).toBe('tccc-desk-diagnostics-2026-12-01T21-00-00-000Z.json');
    // jsdom's Blob has no text(): read it the old way.
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]!);
    });
    expect(JSON.parse(text)).toEqual(expect.objectContaining({ kind: 'tccc-desk-diagnostics' }));
    expect(blobs[0]!.type).toBe('application/json');
    expect(el('diagnostics-problem')).toBeNull();
    click.mockRestore();
  });

  it('says why the diagnostics document could not be made', async () => {
    desk.diagnostics.mockRejectedValueOnce(new Error('the desk has been destroyed'));
    (el('diagnostics-download') as HTMLButtonElement).click();
    await stable();
    await stable();
    expect(el('diagnostics-problem')?.textContent).toBe('Diagnostics could not be made: the desk has been destroyed');
    expect((el('diagnostics-download') as HTMLButtonElement).disabled).toBe(false);
  });

  it('brings an offline agent online before setting a status', async () => {
    desk.setAgent({ status: 'unknown', online: false });
    await stable();
    const select = el('agent-status-select') as HTMLSelectElement;
    select.value = 'free';
    select.dispatchEvent(new Event('change'));
    await stable();
    await Promise.resolve();
    expect(desk.agent.online).toHaveBeenCalled();
    expect(desk.agent.setStatus).toHaveBeenCalledWith({ status: 'free', restReason: undefined });
  });

  it('accepts, transfers and ends a chat through desk.chat, with the chat details on the card', async () => {
    desk.setSessions([session({ id: 'im-1', channel: 'im', peer: { displayName: 'Lily', nickname: 'Lily', channelName: 'Web shop', peerSource: 'wechat' } })]);
    await stable();
    expect(el('incoming-call')?.textContent).toContain('Incoming chat from Lily');
    expect(el('detail-channel')?.textContent).toContain('Web shop');
    expect(el('detail-source')?.textContent).toContain('wechat');
    await click('accept');
    expect(desk.chat.accept).toHaveBeenCalledWith('im-1');
    expect(desk.call.accept).not.toHaveBeenCalled();

    desk.setSessions([session({ id: 'im-1', channel: 'im', status: 'talking', peer: { nickname: 'Lily' } })]);
    await stable();
    expect(el('mute')).toBeNull();
    expect(el('hold')).toBeNull();
    expect(el('keypad-toggle')).toBeNull();
    await click('transfer-toggle');
    await type('transfer-user', 'bob@example.com');
    await click('transfer-submit');
    expect(desk.chat.transfer).toHaveBeenCalledWith({ sessionId: 'im-1', userId: 'bob@example.com' });
    expect(el('hangup')?.textContent).toContain('End chat');
    await click('hangup');
    expect(desk.chat.end).toHaveBeenCalledWith('im-1');
  });

  it('runs a video contact through desk.video: mic, camera (its state on the card), end', async () => {
    desk.setSessions([session({ id: 'v-1', channel: 'video', status: 'talking', videoMuted: false, peer: { nickname: 'Wei', userId: 'o-1' } })]);
    await stable();
    expect(el('detail-camera')?.textContent).toContain('on');
    await click('mute');
    expect(desk.video.mute).toHaveBeenCalledWith('v-1');
    await click('camera');
    expect(desk.video.muteVideo).toHaveBeenCalledWith('v-1');
    desk.setSessions([session({ id: 'v-1', channel: 'video', status: 'talking', videoMuted: true, peer: { nickname: 'Wei' } })]);
    await stable();
    expect(el('detail-camera')?.textContent).toContain('off');
    await click('camera');
    expect(desk.video.unmuteVideo).toHaveBeenCalledWith('v-1');
    expect(el('hold')).toBeNull();
    await click('hangup');
    expect(desk.video.end).toHaveBeenCalledWith('v-1');
    expect(desk.call.hangUp).not.toHaveBeenCalled();
  });

  it('shows the other seat of an internal call and handles it through desk.call', async () => {
    desk.setSessions([session({ id: 'int-1', channel: 'internal', direction: 'internal', peer: { displayName: 'alice@example.com', userId: 'alice@example.com' } })]);
    await stable();
    expect(el('incoming-call')?.textContent).toContain('Incoming internal call from alice@example.com');
    expect(el('detail-seat')?.textContent).toContain('alice@example.com');
    await click('accept');
    expect(desk.call.accept).toHaveBeenCalledWith('int-1');
  });

  // The channels hunt: what each channel's card and list row say and offer, in both languages.
  it('a chat in progress is "In chat", not "Talking", on its card and in the list', async () => {
    desk.setSessions([session({ id: 'im-2', channel: 'im', status: 'talking', answeredAt: 1_700_000_000_000, peer: { nickname: 'Lily' } })]);
    await stable();
    expect(el('active-status')?.textContent).toContain('Chat · In chat');
    expect(el('session-im-2')?.textContent).toContain('Chat · inbound · In chat');
    expect(fixture.nativeElement.textContent).not.toContain('Talking');
  });

  it('the keypad is for phone lines only: not on an internal call nor an audio (voip) contact', async () => {
    for (const channel of ['internal', 'voip'] as const) {
      desk.setSessions([session({ id: `${channel}-1`, channel, direction: channel === 'internal' ? 'internal' : 'inbound', status: 'talking' })]);
      await stable();
      expect(el('hold')).not.toBeNull();
      expect(el('mute')).not.toBeNull();
      expect(el('keypad-toggle')).toBeNull();
    }
  });

  it('an internal call’s list row does not say "internal" twice', async () => {
    desk.setSessions([session({ id: 'int-2', channel: 'internal', direction: 'internal', peer: { displayName: 'bob@example.com', userId: 'bob@example.com' } })]);
    await stable();
    expect(el('session-int-2')?.querySelector('.meta')?.textContent?.trim()).toBe('Internal · Ringing');
  });

  it('the camera button says what it does ("Turn camera off"), next to the camera’s state', async () => {
    desk.setSessions([session({ id: 'v-2', channel: 'video', status: 'talking', videoMuted: false, peer: { nickname: 'Wei' } })]);
    await stable();
    expect(el('camera')?.textContent?.trim()).toBe('Turn camera off');
    desk.setSessions([session({ id: 'v-2', channel: 'video', status: 'talking', videoMuted: true, peer: { nickname: 'Wei' } })]);
    await stable();
    expect(el('camera')?.textContent?.trim()).toBe('Turn camera on');
    expect(el('detail-camera')?.textContent).toContain('off');
  });

  it('calls a colleague (internal call) by agent account', async () => {
    await type('internal-input', ' bob@example.com ');
    await click('internal-button');
    expect(desk.call.internal).toHaveBeenCalledWith({ calleeUserId: 'bob@example.com' });
  });

  it('the colleague field has a visible label and a placeholder that fits a narrow panel (the example only)', async () => {
    const label = fixture.nativeElement.querySelector('label[for="tccc-internal-input"]') as HTMLLabelElement;
    expect(label.classList.contains('visually-hidden')).toBe(false);
    expect(label.textContent?.trim()).toBe('Colleague to call');
    expect((el('internal-input') as HTMLInputElement).placeholder).toBe('agent@example.com');
  });

  it('while busy the status picker shows Busy (never blank); a request shows as pending', async () => {
    desk.setAgent({ status: 'busy', online: true });
    await stable();
    const select = el('agent-status-select') as HTMLSelectElement;
    expect(select.value).toBe('busy');
    expect(select.selectedOptions[0]?.textContent?.trim()).toBe('Busy');
    desk.setAgent({ status: 'busy', online: true, pending: { status: 'rest', restReason: 'Lunch' } });
    await stable();
    expect(el('agent-status')?.textContent).toContain('Busy → On a break…');
    expect(el('agent-status')?.dataset['pending']).toBe('rest');
  });

  it('keeps an event log for integrators, newest first, made when first opened', async () => {
    desk.emitEvent({ name: 'callIn', payload: { type: 'internal', sessionId: 'x', timeout: 0, peerUserId: 'bob' }, at: 1 });
    desk.emitEvent({ name: 'sessionEnded', payload: { sessionId: 'x' }, at: 2 });
    await stable();
    const log = el('event-log') as HTMLDetailsElement;
    expect(log.querySelector('summary')?.textContent).toContain('Event log (2)');
    expect(fixture.nativeElement.querySelector('tccc-event-log')).toBeNull();
    (log.querySelector('summary') as HTMLElement).click();
    await stable(); // the toggle event (a task), then the deferred body and its chunk
    await stable();
    expect(log.open).toBe(true);
    const entries = [...fixture.nativeElement.querySelectorAll('[data-testid="event-log-entry"]')] as HTMLElement[];
    expect(entries.map((entry) => entry.dataset['event'])).toEqual(['sessionEnded', 'callIn']);
  });

  it('makes the state inspector when first opened', async () => {
    const inspector = el('state-inspector') as HTMLDetailsElement;
    expect(el('state-json')).toBeNull();
    (inspector.querySelector('summary') as HTMLElement).click();
    await stable();
    await stable();
    expect(el('state-json')?.textContent).toContain('"lifecycle"');
  });

  it('connects an idle desk when shown', async () => {
    const idle = new FakeDesk();
    idle.setLifecycle({ status: 'idle' });
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [DeskComponent],
      providers: [provideZonelessChangeDetection(), { provide: TCCC_DESK, useValue: idle }],
    });
    const other = TestBed.createComponent(DeskComponent);
    await other.whenStable();
    expect(idle.connect).toHaveBeenCalledTimes(1);
    expect(desk.connect).not.toHaveBeenCalled();
    other.destroy();
  });
});

describe('<tccc-desk> when a part\'s chunk cannot be fetched (@defer @error)', () => {
  let desk: FakeDesk;
  let fixture: ComponentFixture<DeskComponent>;
  const el = (testId: string): HTMLElement | null => fixture.nativeElement.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null;
  /** The alerts an agent sees (not those inside the closed integrator panels, failed here too). */
  const alerts = (): string[] =>
    Array.from(fixture.nativeElement.querySelectorAll('[role="alert"]') as NodeListOf<HTMLElement>)
      .filter((alert) => !alert.closest('details'))
      .map((alert) => alert.textContent?.trim() ?? '');

  /** Every @defer block on screen now renders its @error state (its chunk failed). */
  async function failDeferred(): Promise<void> {
    await fixture.whenStable();
    for (const block of await fixture.getDeferBlocks()) await block.render(DeferBlockState.Error);
    await fixture.whenStable();
  }

  beforeEach(async () => {
    desk = new FakeDesk();
    TestBed.configureTestingModule({
      imports: [DeskComponent],
      providers: [provideZonelessChangeDetection(), { provide: TCCC_DESK, useValue: desk }],
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
    fixture = TestBed.createComponent(DeskComponent);
    await fixture.whenStable();
  });

  afterEach(() => fixture.destroy());

  it('the contact list and the call controls (one chunk): one message, not two', async () => {
    desk.setSessions([session({ id: 'call-1', status: 'ringing' })]);
    await failDeferred();
    expect(el('session-list-failed')?.textContent).toContain('could not be loaded');
    expect(alerts()).toEqual(['The call controls could not be loaded. Check the network, then reload the page.']);
  });

  it('after-call work: says so, and the agent can still finish', async () => {
    desk.setAgent({ status: 'arrange', online: true });
    await failDeferred();
    expect(el('acw-failed')?.textContent).toContain('You can still finish');
    el('acw-finish')?.click();
    await fixture.whenStable();
    expect(desk.agent.setStatus).toHaveBeenLastCalledWith({ status: 'free', restReason: undefined });
  });
});
