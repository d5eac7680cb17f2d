// What the workbench shows, folded from the SDK events (and command results) the page receives.
import type { CallInPayload, CallInType, PlatformAgentStatus } from '@tccc-desk/tccc-sdk';

export type ContactState = 'ringing' | 'dialing' | 'talking' | 'held';

export interface Contact {
  sessionId: string;
  type: CallInType;
  direction: 'inbound' | 'outbound';
  state: ContactState;
  /** Who: number, nickname or account. */
  peer: string;
  /** Second line: location, channel, remark. */
  detail?: string;
  muted: boolean;
  /** ms epoch when the ringing times out (inbound with a timeout). */
  timeoutAt?: number;
}

export interface ViewState {
  status: PlatformAgentStatus;
  contacts: Contact[];
}

export const initialViewState = (): ViewState => ({ status: 'free', contacts: [] });

function peerOf(payload: CallInPayload): { peer: string; detail?: string } {
  switch (payload.type) {
    case 'phone':
      return { peer: payload.callerPhoneNumber ?? payload.protectedCaller ?? 'Unknown number', detail: [payload.callerLocation, payload.remark].filter(Boolean).join(' · ') };
    case 'im':
      return { peer: payload.nickname, detail: [payload.peerSource, payload.channelName, payload.remark].filter(Boolean).join(' · ') };
    case 'voip':
      return { peer: payload.nickname ?? payload.userId, detail: [payload.calleeRemark ?? payload.callee, payload.remark].filter(Boolean).join(' · ') };
    case 'video':
      return { peer: payload.nickname ?? payload.userId, detail: payload.remark };
    case 'internal':
      return { peer: payload.peerUserId, detail: 'Internal call' };
  }
}

const without = (state: ViewState, sessionId: string): Contact[] => state.contacts.filter((c) => c.sessionId !== sessionId);

function patch(state: ViewState, sessionId: string, change: Partial<Contact>): ViewState {
  return { ...state, contacts: state.contacts.map((c) => (c.sessionId === sessionId ? { ...c, ...change } : c)) };
}

/** One SDK event → the next view. Unknown or out-of-order events leave the view as it was. */
export function reduceView(state: ViewState, event: string, payload: Record<string, unknown>, now: number): ViewState {
  const sessionId = typeof payload.sessionId === 'string' ? payload.sessionId : '';
  switch (event) {
    case 'callIn': {
      const callIn = payload as unknown as CallInPayload;
      const contact: Contact = {
        sessionId,
        type: callIn.type,
        direction: 'inbound',
        state: 'ringing',
        muted: false,
        ...peerOf(callIn),
        ...(callIn.timeout > 0 ? { timeoutAt: now + callIn.timeout * 1000 } : {}),
      };
      return { ...state, contacts: [...without(state, sessionId), contact] };
    }
    case 'callOuted':
      if (state.contacts.some((c) => c.sessionId === sessionId)) return state;
      return { ...state, contacts: [...state.contacts, outbound(sessionId, String(payload.calleePhoneNumber ?? ''), payload.remark as string | undefined)] };
    case 'userAccessed':
    case 'calloutAccepted':
      return patch(state, sessionId, { state: 'talking', timeoutAt: undefined });
    case 'autoTransfer':
    case 'transfer':
    case 'sessionEnded':
      return { ...state, contacts: without(state, sessionId) };
    case 'statusChanged':
      return typeof payload.status === 'string' ? { ...state, status: payload.status as PlatformAgentStatus } : state;
    default:
      return state;
  }
}

export function outbound(sessionId: string, number: string, description?: string): Contact {
  return { sessionId, type: 'phone', direction: 'outbound', state: 'dialing', peer: description || number || 'Outbound call', detail: description ? number : undefined, muted: false };
}

export function addContact(state: ViewState, contact: Contact): ViewState {
  return state.contacts.some((c) => c.sessionId === contact.sessionId) ? state : { ...state, contacts: [...state.contacts, contact] };
}

export function updateContact(state: ViewState, sessionId: string, change: Partial<Contact>): ViewState {
  return patch(state, sessionId, change);
}

/** The contact the workbench shows: a ringing one first (it needs an answer), else the newest. */
export function currentContact(state: ViewState): Contact | undefined {
  return state.contacts.find((c) => c.state === 'ringing') ?? state.contacts.at(-1);
}
