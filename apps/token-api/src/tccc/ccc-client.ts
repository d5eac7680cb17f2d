// The one CCC cloud API client of the process, configured exactly as against Tencent Cloud: only
// the endpoint, protocol and keys differ between the emulator and production.
import type http from 'node:http';
import { ccc } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ccc';
import type { CreateSDKLoginTokenRequest, CreateSDKLoginTokenResponse } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ccc/v20200210/ccc_models';
import { createOutboundAgent } from '../net/agents';

export type { CreateSDKLoginTokenRequest, CreateSDKLoginTokenResponse };

/** The slice of the vendor client this service uses (so unit tests can hand in a fake). */
export interface CccClient {
  CreateSDKLoginToken(request: CreateSDKLoginTokenRequest): Promise<CreateSDKLoginTokenResponse>;
}

export interface CccClientOptions {
  secretId: string;
  secretKey: string;
  endpoint: string;
  protocol: 'http://' | 'https://';
  region: string;
  timeoutSeconds: number;
}

/**
 * The agent is explicit: keep-alive connection reuse, `*.localhost` → loopback, and the vendor
 * client's fallback to `process.env.http_proxy` (which would send even loopback traffic through a
 * proxy) never applies.
 */
export function createCccClient(options: CccClientOptions, agent: http.Agent = createOutboundAgent(options.protocol)): CccClient {
  return new ccc.v20200210.Client({
    credential: { secretId: options.secretId, secretKey: options.secretKey },
    region: options.region,
    profile: {
      httpProfile: {
        endpoint: options.endpoint,
        protocol: options.protocol,
        reqMethod: 'POST',
        reqTimeout: options.timeoutSeconds,
        agent,
      },
    },
  });
}
