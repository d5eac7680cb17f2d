// Test helpers: a real tencentcloud-sdk-nodejs client pointed at the emulator, an independent TC3
// signer (written from Tencent's spec, not shared with the emulator's verifier) and a raw POST.
import { createHash, createHmac } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent, request } from 'node:http';
import * as tencentcloud from 'tencentcloud-sdk-nodejs';
import type { RunningEmulator } from '../src';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Resolves localhost and *.localhost to 127.0.0.1 (RFC 6761); everything else through DNS. */
export function loopbackLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
    return;
  }
  dnsLookup(hostname, options as never, callback as never);
}

export const CccClient = tencentcloud.ccc.v20200210.Client;
export type CccClientInstance = InstanceType<typeof CccClient>;

export function cccClient(emulator: RunningEmulator, credential: { secretId: string; secretKey: string }, reqTimeout = 30): CccClientInstance {
  return new CccClient({
    credential,
    profile: {
      httpProfile: {
        endpoint: emulator.cloudEndpoint,
        protocol: 'http://',
        reqTimeout,
        agent: new Agent({ lookup: loopbackLookup as never }),
      },
    },
  });
}

/** The client's rejection, typed loosely: TencentCloudSDKHttpException fields we assert on. */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ code?: string; httpCode?: number; message: string; requestId?: string; traceId?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the call to fail');
}

// --- an independent TC3-HMAC-SHA256 signer -------------------------------------------------------

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

export interface HandSignInput {
  secretId: string;
  secretKey: string;
  timestamp: number;
  host: string; // hostname as signed, without port
  contentType: string;
  body: string;
  service?: string;
}

export function tc3Authorization(input: HandSignInput): string {
  const service = input.service ?? 'ccc';
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const canonical = ['POST', '/', '', `content-type:${input.contentType}\nhost:${input.host}\n`, 'content-type;host', sha256(input.body)].join('\n');
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), `${date}/${service}/tc3_request`, sha256(canonical)].join('\n');
  const kSigning = hmac(hmac(hmac(`TC3${input.secretKey}`, date), service), 'tc3_request');
  const signature = createHmac('sha256', kSigning).update(stringToSign).digest('hex');
  return `TC3-HMAC-SHA256 Credential=${input.secretId}/${date}/${service}/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): { Response: { Error?: { Code: string; Message: string }; RequestId: string; [key: string]: unknown } };
}

/** POST / to the emulator with exactly these headers and body bytes. */
export function rawPost(port: number, headers: Record<string, string>, body: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
