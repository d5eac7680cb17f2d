// POST /control/sdk/inbound: which contact rings, with which documented callIn fields. Each type
// accepts exactly its own fields (anything else is a 400); what is left out gets a realistic default.
import type { CallInPayload } from '@tccc-desk/tccc-sdk';
import { z } from 'zod';

const text = z.string().max(500);
const ivrPath = z.array(z.strictObject({ key: z.string().max(20), label: z.string().max(200) })).max(50);

const common = {
  seatUserId: z.string().min(1).max(200).optional(),
  /** Seconds to accept; 0 = never times out. Fractions are allowed (fast tests). Default 30. */
  timeout: z.number().min(0).max(86_400).optional(),
  /** Choose the sessionId (tests); default a fresh uuid. */
  sessionId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/).optional(),
};

export const inboundSpecSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...common,
    type: z.literal('phone'),
    remark: text.optional(),
    calleePhoneNumber: text.optional(),
    callerPhoneNumber: text.optional(),
    callerLocation: text.optional(),
    ivrPath: ivrPath.optional(),
    protectedCallee: text.optional(),
    protectedCaller: text.optional(),
    serverType: z.enum(['staffSeat', 'staffPhoneSeat', 'staffExtensionSeat']).optional(),
  }),
  z.strictObject({
    ...common,
    type: z.literal('im'),
    remark: text.optional(),
    nickname: text.optional(),
    avatar: text.optional(),
    peerSource: text.optional(),
    channelName: text.optional(),
    clientData: text.optional(),
  }),
  z.strictObject({
    ...common,
    type: z.literal('voip'),
    remark: text.optional(),
    callee: text.optional(),
    calleeRemark: text.optional(),
    userId: text.optional(),
    nickname: text.optional(),
    avatar: text.optional(),
    peerSource: text.optional(),
    ivrPath: ivrPath.optional(),
  }),
  z.strictObject({ ...common, type: z.literal('video'), userId: text.optional(), nickname: text.optional(), avatar: text.optional(), remark: text.optional() }),
  // The guide's internal table has no remark (the other four have one).
  z.strictObject({ ...common, type: z.literal('internal'), peerUserId: text.optional() }),
]);

export type InboundSpec = z.infer<typeof inboundSpecSchema>;

export const DEFAULT_INBOUND_TIMEOUT_S = 30;

const DEFAULTS: { [K in CallInPayload['type']]: Record<string, unknown> } = {
  phone: { calleePhoneNumber: '4008001234', callerPhoneNumber: '13800138000', callerLocation: 'Shenzhen, Guangdong', serverType: 'staffSeat' },
  im: { nickname: 'Web visitor', peerSource: 'web' },
  voip: { callee: 'mini-program-hotline', userId: 'o-demo-openid-0001', nickname: 'WeChat user' },
  video: { userId: 'o-demo-openid-0002', nickname: 'Video visitor' },
  internal: { peerUserId: 'bob@example.com' },
};

/** The documented callIn payload for this spec. */
export function callInPayload(spec: InboundSpec, sessionId: string): CallInPayload {
  const { seatUserId: _seat, sessionId: _id, timeout, ...fields } = spec;
  return { ...DEFAULTS[spec.type], ...fields, sessionId, timeout: timeout ?? DEFAULT_INBOUND_TIMEOUT_S } as CallInPayload;
}
