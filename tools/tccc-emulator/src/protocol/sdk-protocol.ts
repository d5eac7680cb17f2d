// The wire protocol between the emulated SDK in the page and the emulator server. Pure data and
// types (no Node, no DOM): bundled into the browser SDK and imported by the server.

/** The SDK commands the page sends to POST /sdk/rpc, as 'Module.method'. */
export const SDK_RPC_METHODS = [
  'Call.startOutboundCall',
  'Call.accept',
  'Call.hungUp',
  'Call.deleteCall',
  'Call.muteMic',
  'Call.unmuteMic',
  'Call.isMicMuted',
  'Call.startInternalCall',
  'Call.transfer',
  'Call.hold',
  'Call.unHold',
  'Call.sendDigits',
  'Chat.accept',
  'Chat.end',
  'Chat.transfer',
  'Video.accept',
  'Video.end',
  'Video.muteMic',
  'Video.unmuteMic',
  'Video.muteVideo',
  'Video.unmuteVideo',
  'Video.transfer',
  'Agent.online',
  'Agent.offline',
  'Agent.setStatus',
] as const;

export type SdkRpcMethod = (typeof SDK_RPC_METHODS)[number];

/** Scenario shortcuts for the workbench's dev buttons (same credential as the SDK commands). */
export const DEV_RPC_METHODS = ['Emulator.simulateInbound', 'Emulator.farAnswer', 'Emulator.farHangup'] as const;
export type DevRpcMethod = (typeof DEV_RPC_METHODS)[number];

export interface RpcRequest {
  /** The page credential from the page config. */
  key: string;
  method: SdkRpcMethod | DevRpcMethod;
  params?: unknown;
}

/** One SSE message (`data:` line, JSON). `seq` increases per page. */
export interface PushedEvent {
  seq: number;
  event: string;
  payload: unknown;
}

export const RPC_PATH = '/sdk/rpc';
export const EVENTS_PATH = '/sdk/events';
