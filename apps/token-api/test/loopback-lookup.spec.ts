import { isLocalhostName, loopbackAwareLookup } from '../src/net/loopback-lookup';

function lookup(hostname: string, options: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    loopbackAwareLookup(hostname, options, (error: unknown, address: unknown, family?: unknown) =>
      error ? reject(error) : resolve(family === undefined ? address : { address, family }),
    );
  });
}

it('recognises localhost and every name under .localhost (RFC 6761)', () => {
  expect(['localhost', 'ccc.localhost', 'a.b.LOCALHOST', 'ccc.localhost.'].map(isLocalhostName)).toEqual([true, true, true, true]);
  expect(['localhost.example.com', 'ccc.tencentcloudapi.com', 'notlocalhost'].map(isLocalhostName)).toEqual([false, false, false]);
});

it('answers loopback in the shape Node asks for', async () => {
  await expect(lookup('ccc.localhost', {})).resolves.toEqual({ address: '127.0.0.1', family: 4 });
  await expect(lookup('ccc.localhost', { family: 6 })).resolves.toEqual({ address: '::1', family: 6 });
  await expect(lookup('ccc.localhost', { all: true })).resolves.toEqual([
    { address: '127.0.0.1', family: 4 },
    { address: '::1', family: 6 },
  ]);
});

it('leaves other names to the system resolver', async () => {
  await expect(lookup('127.0.0.1', {})).resolves.toEqual({ address: '127.0.0.1', family: 4 });
});
