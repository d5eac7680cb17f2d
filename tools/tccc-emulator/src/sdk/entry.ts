// Browser entry of the emulated TCCC SDK, bundled by esbuild (iife, es2020) when the emulator
// starts. It puts the documented `tccc` global on the page (typed as TcccGlobal from libs/tccc-sdk,
// so a drift from the contract fails to compile). Commands go to the emulator over RPC, events come
// back over SSE; the server runs the call center. `ready` fires after readyDelayMs and once the
// event stream is open, so nothing pushed right after `ready` is missed.
import type { CommonSDKResponse, TcccGlobal, TcccListener } from '@tccc-desk/tccc-sdk';
import type { SdkRpcMethod } from '../protocol/sdk-protocol';
import { devices } from './devices';
import { createEventBus, type Listener } from './event-bus';
import { TCCC_EVENTS } from './events';
import { PAGE_CONFIG_GLOBAL, type EmulatorPageConfig } from './page-config';
import { createTransport } from './transport';
import { addContact, initialViewState, outbound, reduceView, updateContact, type Contact, type ViewState } from './view-state';
import { createWorkbench } from './workbench/workbench';

const EVENT_STREAM_OPEN_TIMEOUT_MS = 3000;
const TEARDOWN_CHECK_MS = 1000;

const page = window as unknown as Record<string, unknown>;
const config = page[PAGE_CONFIG_GLOBAL] as EmulatorPageConfig;

const bus = createEventBus((error) => console.error('[tccc emulator] listener failed', error));
const transport = createTransport(config.baseUrl, config.pageKey);
let view: ViewState = initialViewState();
let disposed = false;

/** Listeners get `{ data: payload }`, as the guide's examples read `response.data.sessionId`. */
function deliver(event: string, payload: unknown): void {
  if (disposed) return;
  view = reduceView(view, event, (payload ?? {}) as Record<string, unknown>, Date.now());
  render();
  if (event === 'callIn') workbench.open();
  bus.emit(event, { data: payload });
}

function call<T = unknown>(method: SdkRpcMethod, options?: unknown): Promise<CommonSDKResponse<T>> {
  return transport.rpc<T>(method, options);
}

/** Runs a command and keeps the workbench in step with its result. */
async function tracked<T>(method: SdkRpcMethod, options: unknown, onSuccess: (response: CommonSDKResponse<T>) => void): Promise<CommonSDKResponse<T>> {
  const response = await call<T>(method, options);
  if (response.status === 'success' && !disposed) {
    onSuccess(response);
    render();
  }
  return response;
}

const sessionOf = (options: unknown): string => String((options as { sessionId?: unknown } | undefined)?.sessionId ?? '');
const setMuted = (muted: boolean) => (options: unknown) => tracked(muted ? 'Call.muteMic' : 'Call.unmuteMic', options, () => (view = updateContact(view, sessionOf(options), { muted })));

const tccc: TcccGlobal = {
  Call: {
    startOutboundCall: (options) =>
      tracked<{ sessionId: string }>('Call.startOutboundCall', options, (response) => {
        if (response.data) view = addContact(view, outbound(response.data.sessionId, options.phoneNumber, options.phoneDesc));
      }),
    accept: (options) => call('Call.accept', options),
    hungUp: (options) => call('Call.hungUp', options),
    deleteCall: (options) => call('Call.deleteCall', options),
    muteMic: setMuted(true),
    unmuteMic: setMuted(false),
    isMicMuted: (options) => call<boolean>('Call.isMicMuted', options),
    startInternalCall: (options) =>
      tracked<{ sessionId: string }>('Call.startInternalCall', options, (response) => {
        if (response.data) view = addContact(view, { ...outbound(response.data.sessionId, options.calleeUserId), type: 'internal' });
      }),
    transfer: (options) => call('Call.transfer', options),
    hold: (options) => tracked('Call.hold', options, () => (view = updateContact(view, options.sessionId, { state: 'held' }))),
    unHold: (options) => tracked('Call.unHold', options, () => (view = updateContact(view, options.sessionId, { state: 'talking' }))),
    sendDigits: (options) => call('Call.sendDigits', options),
  },
  Chat: {
    accept: (options) => call('Chat.accept', options),
    end: (options) => call('Chat.end', options),
    transfer: (options) => call('Chat.transfer', options),
  },
  Video: {
    accept: (options) => call('Video.accept', options),
    end: (options) => call('Video.end', options),
    muteMic: (options) => tracked('Video.muteMic', options, () => (view = updateContact(view, options.sessionId, { muted: true }))),
    unmuteMic: (options) => tracked('Video.unmuteMic', options, () => (view = updateContact(view, options.sessionId, { muted: false }))),
    muteVideo: (options) => call('Video.muteVideo', options),
    unmuteVideo: (options) => call('Video.unmuteVideo', options),
    transfer: (options) => call('Video.transfer', options),
  },
  Agent: {
    // Documented as returning void: fire and forget.
    online: () => void call('Agent.online'),
    offline: () => void call('Agent.offline'),
    setStatus: (options) => call('Agent.setStatus', options),
  },
  Devices: devices,
  UI: {
    show: () => workbench.show(),
    hide: () => workbench.hide(),
  },
  events: TCCC_EVENTS,
  on: <K extends keyof typeof TCCC_EVENTS>(event: K, listener: TcccListener<K>) => bus.on(event, listener as Listener),
  off: <K extends keyof typeof TCCC_EVENTS>(event: K, listener: TcccListener<K>) => bus.off(event, listener as Listener),
};

function moduleFor(contact: Contact): 'Call' | 'Chat' | 'Video' {
  return contact.type === 'im' ? 'Chat' : contact.type === 'video' ? 'Video' : 'Call';
}

function report(response: CommonSDKResponse): void {
  workbench.message(response.status === 'error' ? (response.errorMsg ?? response.errMsg ?? 'Failed') : '');
}

const workbench = createWorkbench(document, { seatUserId: config.seatUserId, devTools: config.devTools }, {
  accept: (contact) => void tccc[moduleFor(contact)].accept({ sessionId: contact.sessionId }).then(report),
  hangUp: (contact) => {
    const options = { sessionId: contact.sessionId };
    const module = moduleFor(contact);
    void (module === 'Call' ? tccc.Call.hungUp(options) : tccc[module].end(options)).then(report);
  },
  toggleHold: (contact) => void (contact.state === 'held' ? tccc.Call.unHold : tccc.Call.hold)({ sessionId: contact.sessionId }).then(report),
  toggleMute: (contact) => {
    const target = contact.type === 'video' ? tccc.Video : tccc.Call;
    void (contact.muted ? target.unmuteMic : target.muteMic)({ sessionId: contact.sessionId }).then(report);
  },
  simulateInbound: () => void transport.rpc('Emulator.simulateInbound', { type: 'phone' }).then(report),
  farAnswer: () => void transport.rpc('Emulator.farAnswer').then(report),
  farHangup: () => void transport.rpc('Emulator.farHangup').then(report),
});

function render(): void {
  if (!disposed) workbench.render(view, Date.now());
}

/** The loader tore the SDK down (removed `window.tccc`): stop talking to the emulator. */
function dispose(): void {
  disposed = true;
  transport.close();
  workbench.destroy();
  clearInterval(ticker);
}

// One timer: the ringing countdown, and noticing a teardown.
const ticker = setInterval(() => {
  if (page.tccc !== tccc) dispose();
  else if (view.contacts.some((c) => c.timeoutAt !== undefined)) render();
}, TEARDOWN_CHECK_MS);

page.tccc = tccc;
render();

const delay = new Promise<void>((resolve) => setTimeout(resolve, config.readyDelayMs));
// A login whose token expired has nothing to hear: it only says tokenExpired.
const streamOpen = config.tokenExpiredOnLoad
  ? Promise.resolve()
  : transport.connect((event) => deliver(event.event, event.payload), EVENT_STREAM_OPEN_TIMEOUT_MS);
void Promise.all([delay, streamOpen]).then(() => {
  if (disposed || config.neverReady) return;
  if (config.tokenExpiredOnLoad) deliver(TCCC_EVENTS.tokenExpired, { message: 'The SDK login token has expired' });
  else deliver(TCCC_EVENTS.ready, {});
});
