// GET a small JSON document with one overall deadline. Node's `timeout` option (and jose's
// JWKS timeout) is an idle timer on the socket: a server that sends headers and then stalls, or
// drips a byte now and then, would hold the caller forever. Here the deadline covers connecting,
// the headers and the whole body, and the request is destroyed when it passes.
import http from 'node:http';
import https from 'node:https';

export type FetchFailure = 'unreachable' | 'timeout' | 'invalid';

export class FetchJsonError extends Error {
  override readonly name = 'FetchJsonError';
  constructor(
    readonly reason: FetchFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface FetchJsonOptions {
  agent: http.Agent;
  deadlineMs: number;
  maxBytes: number;
}

export function fetchJsonWithin(url: string, options: FetchJsonOptions): Promise<unknown> {
  const get = url.startsWith('https:') ? https.get : http.get;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      outcome();
    };
    const fail = (reason: FetchFailure, message: string) => {
      settle(() => reject(new FetchJsonError(reason, message)));
      request.destroy();
    };
    const request = get(url, { agent: options.agent, headers: { accept: 'application/json' } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        fail('unreachable', `answered HTTP ${response.statusCode}`);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) fail('invalid', `larger than ${options.maxBytes} bytes`);
        else chunks.push(chunk);
      });
      response.on('end', () => {
        try {
          const json: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          settle(() => resolve(json));
        } catch {
          fail('invalid', 'not JSON');
        }
      });
      response.on('error', () => fail('unreachable', 'response aborted'));
    });
    const deadline = setTimeout(() => fail('timeout', `no complete answer within ${options.deadlineMs} ms`), options.deadlineMs);
    request.on('error', (error) => fail('unreachable', error.message));
  });
}
