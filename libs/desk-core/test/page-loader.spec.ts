/**
 * @jest-environment jsdom
 */
// Desks on the real page loader of @tccc-desk/tccc-sdk. jsdom never runs external scripts: the
// test plays the browser (define the global, fire `load`) and the SDK (fire `ready`).
import { teardownTcccSdk } from '@tccc-desk/tccc-sdk';
import { createDesk, type DeskState } from '../src/index';
import { createFakeLogin, createFakeSdk, type FakeSdk } from './fake-sdk';
import { phoneCallIn } from './helpers';

const page = window as unknown as { tccc?: unknown };

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Wait for the loader's <script>, then "run" it with this SDK and fire ready. */
async function runSdkScript(sdk: FakeSdk): Promise<void> {
  for (let i = 0; i < 50 && !document.querySelector('script'); i++) await flush();
  const script = document.querySelector('script');
  if (!script) throw new Error('the loader injected no script');
  page.tccc = sdk.tccc;
  script.dispatchEvent(new Event('load'));
  await flush();
  sdk.emit('ready');
  await flush();
}

afterEach(() => {
  teardownTcccSdk();
  document.body.innerHTML = '';
  delete page.tccc;
});

describe('defect 7: two desks on one page', () => {
  it('destroying one tells the other its SDK is gone (sdk_unloaded, retryable), with no listener left behind', async () => {
    const sdk = createFakeSdk();
    const first = createDesk({ login: createFakeLogin() });
    const second = createDesk({ login: createFakeLogin() });
    let secondState: DeskState | undefined;
    second.state$.subscribe((s) => (secondState = s));
    const connecting = Promise.all([first.connect(), second.connect()]);
    await runSdkScript(sdk);
    await connecting;
    expect(secondState?.lifecycle.status).toBe('ready');

    first.destroy(); // removes the page's SDK (script, global)
    await flush();
    expect(page.tccc).toBeUndefined();
    expect(secondState?.lifecycle).toMatchObject({ status: 'error', error: { code: 'sdk_unloaded', retryable: true } });
    expect(sdk.listenerCount()).toBe(0);
    await expect(second.call.accept('x')).rejects.toMatchObject({ code: 'not_ready' });

    // Retry loads a fresh SDK.
    const sdk2 = createFakeSdk();
    const retrying = second.retry();
    await runSdkScript(sdk2);
    await retrying;
    expect(secondState?.lifecycle.status).toBe('ready');
    sdk2.emit('callIn', phoneCallIn('after-retry'));
    expect(secondState?.sessionOrder).toEqual(['after-retry']);
    second.destroy();
  });
});

describe('defect 8: a global without the undocumented `off`', () => {
  it('is loaded and heard; destroy still leaves the desk deaf to it', async () => {
    const sdk = createFakeSdk();
    delete (sdk.tccc as { off?: unknown }).off;
    const desk = createDesk({ login: createFakeLogin() });
    let state: DeskState | undefined;
    desk.state$.subscribe((s) => (state = s));
    const connecting = desk.connect();
    await runSdkScript(sdk);
    await connecting;
    expect(state?.lifecycle.status).toBe('ready');
    sdk.emit('callIn', phoneCallIn('i1'));
    expect(state?.sessionOrder).toEqual(['i1']);
    desk.destroy();
    expect(() => sdk.emit('callIn', phoneCallIn('i2'))).not.toThrow();
    expect(state?.sessionOrder).toEqual(['i1']);
  });
});
