// The documented `tccc.events` table: each event name maps to the same string, as the vendor SDK does.
// Includes the events of the vendor's newer event page (statusChanged, sessionCompleted, tokenExpired).
// `satisfies TcccEvents` (the contract in libs/tccc-sdk) makes a missing or extra event a compile error.
import type { TcccEvents } from '@tccc-desk/tccc-sdk';

export const TCCC_EVENTS = Object.freeze({
  ready: 'ready',
  tokenExpired: 'tokenExpired',
  callIn: 'callIn',
  userAccessed: 'userAccessed',
  autoTransfer: 'autoTransfer',
  callOuted: 'callOuted',
  calloutAccepted: 'calloutAccepted',
  transfer: 'transfer',
  sessionEnded: 'sessionEnded',
  sessionCompleted: 'sessionCompleted',
  statusChanged: 'statusChanged',
} as const satisfies TcccEvents);
