// POST /sdk/rpc: one SDK command ('Module.method' + the documented options) → the call center.
// Options are validated with zod; bad options resolve the documented error shape (as the vendor
// SDK does), they are not HTTP errors.
import { AGENT_SET_STATUS_VALUES, type CommonSDKResponse } from '@tccc-desk/tccc-sdk';
import { prettifyError, z } from 'zod';
import type { SdkRpcMethod } from '../protocol/sdk-protocol';
import type { CallCenter } from './call-center';
import { failed } from './sdk-response';

const id = z.string().min(1).max(200);
const session = z.object({ sessionId: id });
const transfer = z.object({ sessionId: id, skillGroupId: z.string().max(200).optional(), userId: z.string().max(200).optional() });
const none = z.unknown();

const schemas = {
  'Call.startOutboundCall': z.object({
    phoneNumber: z.string().regex(/^\+?[0-9*#-]{3,32}$/, 'a phone number (digits, 3-32)'),
    phoneDesc: z.string().max(200).optional(),
    uui: z.string().max(1024).optional(), // as desk-core's COMMAND_LIMITS: never stricter than the desk
    skillGroupId: z.string().max(200).optional(),
    callerPhoneNumber: z.string().max(32).optional(),
    servingNumberGroupIds: z.array(z.string().max(200)).max(100).optional(),
  }),
  'Call.accept': session,
  'Call.hungUp': session,
  'Call.deleteCall': session,
  'Call.muteMic': session,
  'Call.unmuteMic': session,
  'Call.isMicMuted': session,
  'Call.startInternalCall': z.object({ calleeUserId: z.string().min(1).max(200), useMobile: z.boolean().optional() }),
  'Call.transfer': transfer,
  'Call.hold': session,
  'Call.unHold': session,
  'Call.sendDigits': z.object({ sessionId: id, dtmfText: z.string().max(200).optional() }),
  'Chat.accept': session,
  'Chat.end': session,
  'Chat.transfer': transfer,
  'Video.accept': session,
  'Video.end': session,
  'Video.muteMic': session,
  'Video.unmuteMic': session,
  'Video.muteVideo': session,
  'Video.unmuteVideo': session,
  'Video.transfer': transfer,
  'Agent.online': none,
  'Agent.offline': none,
  'Agent.setStatus': z.object({ status: z.enum(AGENT_SET_STATUS_VALUES), restReason: z.string().max(200).optional() }),
} satisfies Record<SdkRpcMethod, z.ZodType>;

type Params<M extends SdkRpcMethod> = z.infer<(typeof schemas)[M]>;
type Handler<M extends SdkRpcMethod> = (center: CallCenter, seat: string, params: Params<M>) => CommonSDKResponse<unknown>;

const handlers: { [M in SdkRpcMethod]: Handler<M> } = {
  'Call.startOutboundCall': (c, seat, p) => c.startOutbound(seat, p),
  'Call.accept': (c, seat, p) => c.accept(seat, 'Call', p.sessionId),
  'Call.hungUp': (c, seat, p) => c.hangUp(seat, 'Call', p.sessionId),
  'Call.deleteCall': (c, seat, p) => c.deleteCall(seat, p.sessionId),
  'Call.muteMic': (c, seat, p) => c.setMicMuted(seat, 'Call', p.sessionId, true),
  'Call.unmuteMic': (c, seat, p) => c.setMicMuted(seat, 'Call', p.sessionId, false),
  'Call.isMicMuted': (c, seat, p) => c.isMicMuted(seat, p.sessionId),
  'Call.startInternalCall': (c, seat, p) => c.startInternal(seat, p.calleeUserId),
  'Call.transfer': (c, seat, p) => c.transfer(seat, 'Call', p),
  'Call.hold': (c, seat, p) => c.setHeld(seat, p.sessionId, true),
  'Call.unHold': (c, seat, p) => c.setHeld(seat, p.sessionId, false),
  'Call.sendDigits': (c, seat, p) => c.sendDigits(seat, p.sessionId, p.dtmfText),
  'Chat.accept': (c, seat, p) => c.accept(seat, 'Chat', p.sessionId),
  'Chat.end': (c, seat, p) => c.hangUp(seat, 'Chat', p.sessionId),
  'Chat.transfer': (c, seat, p) => c.transfer(seat, 'Chat', p),
  'Video.accept': (c, seat, p) => c.accept(seat, 'Video', p.sessionId),
  'Video.end': (c, seat, p) => c.hangUp(seat, 'Video', p.sessionId),
  'Video.muteMic': (c, seat, p) => c.setMicMuted(seat, 'Video', p.sessionId, true),
  'Video.unmuteMic': (c, seat, p) => c.setMicMuted(seat, 'Video', p.sessionId, false),
  'Video.muteVideo': (c, seat, p) => c.setVideoMuted(seat, p.sessionId, true),
  'Video.unmuteVideo': (c, seat, p) => c.setVideoMuted(seat, p.sessionId, false),
  'Video.transfer': (c, seat, p) => c.transfer(seat, 'Video', p),
  'Agent.online': (c, seat) => c.setOnline(seat, true),
  'Agent.offline': (c, seat) => c.setOnline(seat, false),
  'Agent.setStatus': (c, seat, p) => c.setStatus(seat, p.status, p.restReason),
};

export function runSdkCommand(center: CallCenter, seatUserId: string, method: SdkRpcMethod, params: unknown): CommonSDKResponse<unknown> {
  const parsed = schemas[method].safeParse(params ?? {});
  if (!parsed.success) return failed(`Invalid options for tccc.${method}: ${prettifyError(parsed.error)}`);
  const handler = handlers[method] as Handler<SdkRpcMethod>;
  return handler(center, seatUserId, parsed.data as never);
}
