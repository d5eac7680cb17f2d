import { loadDeskManifest, parseDeskManifest } from './desk-manifest';

const ok = (body: unknown) => ({ ok: true, status: 200, json: async () => body }) as Response;

describe('loadDeskManifest', () => {
  it('turns the manifest into remotes, resolving URLs against the page', async () => {
    const fetch = jest.fn(async () => ok({ tccc_remote: 'http://localhost:4201/mf-manifest.json', other: '/desk/mf-manifest.json' }));
    await expect(loadDeskManifest({ fetch, baseUrl: 'https://crm.example.com/customers' })).resolves.toEqual({
      ok: true,
      remotes: [
        { name: 'tccc_remote', entry: 'http://localhost:4201/mf-manifest.json' },
        { name: 'other', entry: 'https://crm.example.com/desk/mf-manifest.json' },
      ],
    });
    expect(fetch).toHaveBeenCalledWith('/desk.manifest.json', expect.objectContaining({ cache: 'no-cache' }));
  });

  it.each([
    ['a 404', async () => ({ ok: false, status: 404, json: async () => ({}) }) as Response, /HTTP 404/],
    ['a network error', async () => Promise.reject(new TypeError('Failed to fetch')), /could not be loaded/],
    ['invalid JSON', async () => ({ ok: true, status: 200, json: async () => JSON.parse('{') }) as Response, /not valid JSON/],
    ['an array', async () => ok(['x']), /not a JSON object/],
  ])('falls back to no remotes on %s', async (_case, fetch, problem) => {
    const result = await loadDeskManifest({ fetch: fetch as typeof globalThis.fetch, baseUrl: 'http://localhost:4200/' });
    expect(result.ok).toBe(false);
    expect(result.remotes).toEqual([]);
    expect(!result.ok && result.problem).toMatch(problem);
  });

  it('gives up on a manifest that hangs', async () => {
    const fetch = jest.fn(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    const result = await loadDeskManifest({ fetch: fetch as typeof globalThis.fetch, timeoutMs: 20, baseUrl: 'http://localhost/' });
    expect(result).toEqual({ ok: false, remotes: [], problem: 'The desk manifest timed out.' });
  });
});

describe('parseDeskManifest', () => {
  it.each([
    [{ 'tccc-remote': 'http://x/mf-manifest.json' }, /Invalid remote name/],
    [{ tccc_remote: '' }, /no URL/],
    [{ tccc_remote: 42 }, /no URL/],
    [{ tccc_remote: 'javascript:alert(1)' }, /must be http/],
  ])('rejects %j', (json, problem) => {
    const result = parseDeskManifest(json, 'http://localhost/');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(problem);
  });
});
