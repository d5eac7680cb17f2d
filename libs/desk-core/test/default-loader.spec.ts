/**
 * @jest-environment jsdom
 */
// Without a `loader` option the desk uses the real page loader of @tccc-desk/tccc-sdk.
import { tcccSdkPhase } from '@tccc-desk/tccc-sdk';
import { createDesk, isDeskError } from '../src/index';

describe('default loader', () => {
  it('is createTcccLoader(): it refuses a plain-http SdkURL without injecting anything', async () => {
    const desk = createDesk({ login: () => Promise.resolve({ sdkUrl: 'http://sdk.example.test/tccc.js?token=abcdefgh12345' }) });
    const error = await desk.connect().catch((e: unknown) => e);
    expect(isDeskError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'script_error', retryable: true });
    expect((error as Error).message).toMatch(/https/);
    expect((error as Error).message).not.toContain('abcdefgh12345');
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(tcccSdkPhase()).toBe('idle');
    desk.destroy();
  });

  it('waits loadTimeoutMs for the script and ready, then fails with load_timeout and removes the script', async () => {
    // jsdom never loads external scripts: the SDK neither loads nor fires ready, as when ready never comes.
    const desk = createDesk({ login: () => Promise.resolve({ sdkUrl: 'https://sdk.example.test/tccc.js?token=abcdefgh12345' }), loadTimeoutMs: 150 });
    const started = Date.now();
    const error = await desk.connect().catch((e: unknown) => e);
    const waited = Date.now() - started;
    expect(error).toMatchObject({ code: 'load_timeout', retryable: true });
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(5_000);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    desk.destroy();
  });
});
