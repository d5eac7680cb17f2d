import type { TabDeskOptions } from '@tccc-desk/desk-core';
import { FakeDesk } from '../../testing/fake-desk';
import { createTabDesk } from '@tccc-desk/desk-core';
import { PAGE_DESK_KEY, getDesk, hasPageDesk, tabScope } from './page-desk';

jest.mock('@tccc-desk/desk-core', () => ({ ...jest.requireActual('@tccc-desk/desk-core'), createTabDesk: jest.fn() }));

const createDeskMock = createTabDesk as jest.MockedFunction<typeof createTabDesk>;

describe('getDesk (the page desk)', () => {
  let created: Array<{ desk: FakeDesk; options: TabDeskOptions }>;

  beforeEach(() => {
    delete (globalThis as Record<symbol, unknown>)[PAGE_DESK_KEY];
    created = [];
    createDeskMock.mockImplementation((options) => {
      const desk = new FakeDesk();
      created.push({ desk, options });
      return desk;
    });
  });

  it('is one desk for every caller, kept on globalThis under a registered symbol', () => {
    const first = getDesk({ getAccessToken: () => 'a' });
    expect(getDesk()).toBe(first);
    expect(getDesk({ getAccessToken: () => 'b' })).toBe(first);
    expect(created).toHaveLength(1);
    // A second copy of this chunk finds the same slot: it is keyed by Symbol.for, not a module variable.
    expect((globalThis as Record<symbol, { desk: unknown }>)[Symbol.for('tccc-desk.remote.page-desk')]?.desk).toBe(first);
  });

  it('logs in through the token API with the latest access token source', async () => {
    const fetch = jest.fn(async (_url: string, _init?: RequestInit) => ({ ok: true, status: 200, json: async () => ({ sdkUrl: 'https://sdk.example.com/x.js' }) }) as Response);
    const realFetch = globalThis.fetch;
    globalThis.fetch = fetch as unknown as typeof globalThis.fetch;
    try {
      getDesk({ getAccessToken: () => 'first', apiBase: 'https://api.example.com' });
      getDesk({ getAccessToken: () => 'second', apiBase: 'https://api.example.com' });
      await expect(created[0]!.options.login()).resolves.toMatchObject({ sdkUrl: 'https://sdk.example.com/x.js' });
      const init = fetch.mock.calls[0]![1];
      expect((init?.headers as Record<string, string>)['Authorization']).toBe('Bearer second');
      expect(fetch.mock.calls[0]![0]).toBe('https://api.example.com/api/tccc/login');
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('replaces a destroyed desk on the next call', () => {
    const first = getDesk({ getAccessToken: () => 'a' });
    first.destroy();
    expect(hasPageDesk()).toBe(false);
    const second = getDesk();
    expect(second).not.toBe(first);
    expect(created).toHaveLength(2);
  });

  it('passes loadTimeoutMs to the desk it creates, and only then', () => {
    getDesk({ getAccessToken: () => 'a', loadTimeoutMs: 5_000 });
    getDesk({ getAccessToken: () => 'a', loadTimeoutMs: 9_000 });
    expect(created).toHaveLength(1);
    expect(created[0]!.options.loadTimeoutMs).toBe(5_000);
  });

  it('coordinates the tabs of the signed-in person: the access token\'s sub names the scope', async () => {
    const claims = Buffer.from(JSON.stringify({ sub: 'alice@example.com' })).toString('base64url');
    getDesk({ getAccessToken: () => `h.${claims}.s` });
    await expect(created[0]!.options.tabs.scope()).resolves.toBe('alice@example.com');
    // Unknown person: no scope at all (the tab works alone), never a constant one shared by everyone unknown.
    const noSub = Buffer.from(JSON.stringify({ name: 'x' })).toString('base64url');
    await expect(tabScope(() => 'not-a-jwt')).resolves.toBeNull();
    await expect(tabScope(() => `h.${noSub}.s`)).resolves.toBeNull();
    await expect(tabScope(() => Promise.reject(new Error('signed out')))).resolves.toBeNull();
    await expect(tabScope(undefined)).resolves.toBeNull();
  });

  it('refuses options without a token source', () => {
    expect(() => getDesk({} as never)).toThrow(TypeError);
  });
});
