// Outbound HTTP agents (cloud API, JWKS): keep-alive, and `*.localhost` resolved to loopback.
// Passing an explicit agent also keeps proxy environment variables out of the picture.
import http from 'node:http';
import https from 'node:https';
import { loopbackAwareLookup } from './loopback-lookup';

export function createOutboundAgent(protocol: 'http:' | 'https:' | 'http://' | 'https://'): http.Agent {
  const options = { keepAlive: true, maxSockets: 64, lookup: loopbackAwareLookup };
  return protocol.startsWith('https') ? new https.Agent(options) : new http.Agent(options);
}
