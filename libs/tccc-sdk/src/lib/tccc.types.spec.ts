/**
 * Compile-time checks of the contract against the vendor guide (shared/reference/tccc-web-sdk.zh.md)
 * and the newer event page (shared/reference/README.md). `npm run typecheck` is what runs them:
 * a `@ts-expect-error` line that stops being an error fails the type check. The few runtime
 * expectations compare the exported lists with the types.
 */
import {
  CALL_IN_TYPES,
  createTcccLoader,
  eventPayload,
  PLATFORM_AGENT_STATUSES,
  TCCC_EVENT_NAMES,
  type CallInPayload,
  type CommonSDKResponse,
  type SessionEndedPayload,
  type StartOutboundCallData,
  type TcccEventMap,
  type TcccEventName,
  type TcccGlobal,
  type TcccListener,
} from '../index';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when `T` is `true`. */
function assertType<T extends true>(_proof?: T): void {}

// Every documented event, and nothing else: a missing or extra key does not compile.
const EVERY_EVENT = {
  ready: 0,
  callIn: 0,
  userAccessed: 0,
  autoTransfer: 0,
  sessionEnded: 0,
  callOuted: 0,
  calloutAccepted: 0,
  transfer: 0,
  statusChanged: 0,
  sessionCompleted: 0,
  tokenExpired: 0,
} satisfies Record<TcccEventName, 0>;

const EVERY_CALL_IN_TYPE = { phone: 0, im: 0, voip: 0, video: 0, internal: 0 } satisfies Record<
  CallInPayload['type'],
  0
>;

// Only called inside a type-checked function body; never run.
function documentedApi(tccc: TcccGlobal): void {
  // --- Call -------------------------------------------------------------------------------
  const outbound: Promise<CommonSDKResponse<StartOutboundCallData>> = tccc.Call.startOutboundCall({
    phoneNumber: '075586888888',
    phoneDesc: 'Tencent',
    uui: 'order-42',
    skillGroupId: '7',
    callerPhoneNumber: '075500000000',
    servingNumberGroupIds: ['1', '2'],
  });
  void outbound.then((res) => {
    assertType<Equal<typeof res.status, 'success' | 'error'>>();
    const sessionId: string | undefined = res.data?.sessionId;
    // Newer page: the success data also names the numbers and the seat type.
    const more = [res.data?.calleePhoneNumber, res.data?.callerPhoneNumber, res.data?.calleeLocation, res.data?.remark];
    const serverType: 'staffSeat' | 'staffPhoneSeat' | 'staffExtensionSeat' | undefined = res.data?.serverType;
    // The guide documents errorMsg; its example reads errMsg.
    const messages: Array<string | undefined> = [res.errorMsg, res.errMsg];
    void [sessionId, more, serverType, messages];
  });
  // @ts-expect-error phoneNumber is required
  void tccc.Call.startOutboundCall({ phoneDesc: 'no number' });
  // @ts-expect-error servingNumberGroupIds is a string[]
  void tccc.Call.startOutboundCall({ phoneNumber: '1', servingNumberGroupIds: '1' });

  const session = { sessionId: 's-1' };
  const sessionCalls: Array<Promise<CommonSDKResponse>> = [
    tccc.Call.accept(session),
    tccc.Call.hungUp(session),
    tccc.Call.deleteCall(session),
    tccc.Call.muteMic(session),
    tccc.Call.unmuteMic(session),
    tccc.Call.isMicMuted(session),
    tccc.Call.hold(session),
    tccc.Call.unHold(session),
    tccc.Call.sendDigits({ sessionId: 's-1', dtmfText: '123#' }),
    tccc.Call.sendDigits(session), // dtmfText is optional in the table
    tccc.Call.transfer({ sessionId: 's-1', skillGroupId: '7' }),
    tccc.Call.transfer({ sessionId: 's-1', userId: 'agent@example.com' }),
    tccc.Call.startInternalCall({ calleeUserId: 'agent@example.com', useMobile: true }),
  ];
  // @ts-expect-error the documented name is hungUp (sic); there is no hangUp
  void tccc.Call.hangUp(session);
  // @ts-expect-error sessionId is required
  void tccc.Call.accept({});
  // @ts-expect-error calleeUserId is required
  void tccc.Call.startInternalCall({ useMobile: true });
  // Both documented as a bare Promise<CommonSDKResponse>: what their `data` holds is not the contract
  // (the emulator's boolean and sessionId are its own choices; desk-core reads them as a bonus).
  assertType<Equal<Awaited<ReturnType<TcccGlobal['Call']['isMicMuted']>>, CommonSDKResponse>>();
  assertType<Equal<Awaited<ReturnType<TcccGlobal['Call']['startInternalCall']>>, CommonSDKResponse>>();

  // --- Chat and Video ---------------------------------------------------------------------
  const chatAndVideo: Array<Promise<CommonSDKResponse>> = [
    tccc.Chat.accept(session),
    tccc.Chat.end(session),
    tccc.Chat.transfer({ sessionId: 's-1', skillGroupId: '7', userId: 'agent@example.com' }),
    tccc.Video.accept(session),
    tccc.Video.end(session),
    tccc.Video.muteMic(session),
    tccc.Video.unmuteMic(session),
    tccc.Video.muteVideo(session),
    tccc.Video.unmuteVideo(session),
    tccc.Video.transfer({ sessionId: 's-1', userId: 'agent@example.com' }),
  ];
  // @ts-expect-error Chat has no hold
  void tccc.Chat.hold(session);

  // --- Agent, Devices, UI -----------------------------------------------------------------
  assertType<Equal<ReturnType<TcccGlobal['Agent']['online']>, void>>();
  assertType<Equal<ReturnType<TcccGlobal['Agent']['offline']>, void>>();
  const statuses: Array<Promise<CommonSDKResponse>> = [
    tccc.Agent.setStatus({ status: 'free' }),
    tccc.Agent.setStatus({ status: 'rest', restReason: 'lunch' }),
    tccc.Agent.setStatus({ status: 'arrange' }),
    tccc.Agent.setStatus({ status: 'notReady' }),
    tccc.Agent.setStatus({ status: 'stopNotReady' }),
  ];
  // @ts-expect-error busy is reported by the platform (statusChanged), never set
  void tccc.Agent.setStatus({ status: 'busy' });
  const supported: boolean = tccc.Devices.isBrowserSupported();
  const devices: Array<Promise<MediaDeviceInfo[]>> = [tccc.Devices.getMicrophones(), tccc.Devices.getSpeakers()];
  assertType<Equal<ReturnType<TcccGlobal['UI']['show']>, void>>();
  assertType<Equal<ReturnType<TcccGlobal['UI']['hide']>, void>>();
  void [sessionCalls, chatAndVideo, statuses, supported, devices];

  // --- Events -----------------------------------------------------------------------------
  assertType<Equal<TcccGlobal['events']['calloutAccepted'], 'calloutAccepted'>>();
  tccc.on(tccc.events.ready, () => undefined);
  // @ts-expect-error the guide's outbound example misspells it callouteAccepted
  tccc.on('callouteAccepted', () => undefined);
  // @ts-expect-error `tccc.evens` is a typo in the guide
  void tccc.evens;

  tccc.on(tccc.events.callIn, (response) => {
    const payload = eventPayload(response);
    const common: [string, number, string | undefined] = [payload.sessionId, payload.timeout, payload.remark];
    switch (payload.type) {
      case 'phone': {
        const fields = [payload.calleePhoneNumber, payload.callerPhoneNumber, payload.callerLocation];
        const newer = [payload.protectedCallee, payload.protectedCaller, payload.serverType];
        const ivr: string[] | undefined = payload.ivrPath?.map((step) => `${step.key}:${step.label}`);
        void [fields, newer, ivr];
        break;
      }
      case 'im': {
        const required: string = payload.nickname;
        void [required, payload.avatar, payload.peerSource, payload.channelName, payload.clientData];
        break;
      }
      case 'voip': {
        const required: [string, string] = [payload.callee, payload.userId];
        void [required, payload.calleeRemark, payload.nickname, payload.avatar, payload.peerSource, payload.ivrPath];
        break;
      }
      case 'video': {
        const required: string = payload.userId;
        void [required, payload.nickname, payload.avatar];
        break;
      }
      case 'internal': {
        const required: string = payload.peerUserId;
        void required;
        break;
      }
      default: {
        const exhaustive: never = payload;
        void exhaustive;
      }
    }
    void common;
  });

  // The guide's examples read `response.data.sessionId`, the tables list bare fields: both type.
  const listener: TcccListener<'userAccessed'> = (response) => void eventPayload(response).sessionId;
  listener({ sessionId: 's-1' });
  listener({ data: { sessionId: 's-1' } });
  // @ts-expect-error userAccessed carries a sessionId
  listener({ data: {} });
  tccc.off?.(tccc.events.userAccessed, listener);
}

// Payload shapes of the newer event page.
function newerPayloads(): void {
  const ended: SessionEndedPayload = {
    sessionId: 's-1',
    closeBy: 'admin',
    mainReason: 'hung up by admin',
    subReason: 'phone',
    type: 'phone',
    duration: 42,
  };
  // @ts-expect-error closeBy is one of client | seat | admin | timer
  const badClose: SessionEndedPayload = { sessionId: 's-1', closeBy: 'nobody' };
  const outed: TcccEventMap['callOuted'] = {
    sessionId: 's-1',
    callerPhoneNumber: '1',
    calleePhoneNumber: '2',
    protectedCallee: '2***',
    remark: 'r',
  };
  const transfer: TcccEventMap['transfer'] = { sessionId: 's-1', skillGroupId: '7', userId: 'agent@example.com' };
  const status: TcccEventMap['statusChanged'] = { status: 'busy' };
  const completed: TcccEventMap['sessionCompleted'] = { sessionId: 's-1' };
  const expired: TcccEventMap['tokenExpired'] = { message: 'expired' };
  // @ts-expect-error an im callIn needs a nickname
  const imWithoutNickname: CallInPayload = { type: 'im', sessionId: 's', timeout: 0 };
  // @ts-expect-error a phone callIn needs the callee number
  const phoneWithoutCallee: CallInPayload = { type: 'phone', sessionId: 's', timeout: 0 };
  void [ended, badClose, outed, transfer, status, completed, expired, imWithoutNickname, phoneWithoutCallee];
}

// The loader fits desk-core's SdkLoader ({ load(sdkUrl): Promise<TcccGlobal>; teardown(): void }).
const asSdkLoader: { load(sdkUrl: string): Promise<TcccGlobal>; teardown(): void } = createTcccLoader();
// `window.tccc` is typed (optional: it exists only once the script ran).
assertType<Equal<Window['tccc'], TcccGlobal | undefined>>();

// The checks above live in function bodies that tsc checks and jest never calls.
void [documentedApi, newerPayloads, asSdkLoader];

describe('tccc contract', () => {
  it('lists every event and callIn type exactly once', () => {
    expect([...TCCC_EVENT_NAMES].sort()).toEqual(Object.keys(EVERY_EVENT).sort());
    expect(new Set(TCCC_EVENT_NAMES).size).toBe(TCCC_EVENT_NAMES.length);
    expect([...CALL_IN_TYPES].sort()).toEqual(Object.keys(EVERY_CALL_IN_TYPE).sort());
    expect([...PLATFORM_AGENT_STATUSES].sort()).toEqual(['arrange', 'busy', 'free', 'notReady', 'rest']);
  });
});
