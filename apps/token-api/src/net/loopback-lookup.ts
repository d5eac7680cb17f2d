// DNS lookup for the cloud API agent: names under `.localhost` are loopback (RFC 6761 §6.3), as
// browsers already treat them; everything else goes to the system resolver unchanged. This lets
// the endpoint be `ccc.localhost:PORT` locally, so the TC3 signature scope is `ccc` exactly as it
// is against `ccc.tencentcloudapi.com`. It is a naming rule, not an emulator switch.
import dns, { type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';

const LOOPBACK_V4: LookupAddress = { address: '127.0.0.1', family: 4 };
const LOOPBACK_V6: LookupAddress = { address: '::1', family: 6 };

export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

export const loopbackAwareLookup: LookupFunction = (hostname, options, callback) => {
  if (!isLocalhostName(hostname)) {
    dns.lookup(hostname, options, callback);
    return;
  }
  const family = options.family === 6 || options.family === 'IPv6' ? 6 : options.family === 4 || options.family === 'IPv4' ? 4 : 0;
  const addresses = family === 6 ? [LOOPBACK_V6] : family === 4 ? [LOOPBACK_V4] : [LOOPBACK_V4, LOOPBACK_V6];
  // Node asks for `all` when it races address families (autoSelectFamily); answer in the shape asked.
  if (options.all) {
    (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
  } else {
    const [first] = addresses as [LookupAddress];
    callback(null, first.address, first.family);
  }
};
