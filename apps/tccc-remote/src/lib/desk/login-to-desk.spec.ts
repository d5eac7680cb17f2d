/** The login client's errors as desk-core reports them (real createDesk, no SDK needed). */
import { createDesk, isDeskError, type Lifecycle } from '@tccc-desk/desk-core';
import { firstValueFrom, filter } from 'rxjs';
import { requestSdkLogin } from './login-client';

const answer = (status: number, body: unknown) => ({ ok: status < 300, status, json: async () => body }) as Response;

function deskWithTokenApi(status: number, body: unknown) {
  const loader = { load: jest.fn(), teardown: jest.fn() };
  const fetch = jest.fn(async () => answer(status, body));
  const desk = createDesk({
    login: () => requestSdkLogin({ getAccessToken: () => 'jwt', apiBase: '', fetch: fetch as unknown as typeof globalThis.fetch }),
    loader,
  });
  return { desk, loader };
}

describe('token-api errors in the desk', () => {
  it.each([
    [403, 'no_seat', 'no_seat', 'You have no contact center seat.'],
    [401, 'unauthorized', 'unauthorized', 'The access token has expired.'],
    [502, 'upstream_error', 'login_failed', 'Tencent Cloud is unavailable.'],
  ])('HTTP %i %s becomes lifecycle error %s with the server message', async (status, code, deskCode, message) => {
    const { desk, loader } = deskWithTokenApi(status, { error: { code, message, requestId: 'r-1' } });
    const connected = desk.connect();
    const failure = await connected.catch((error: unknown) => error);
    expect(isDeskError(failure)).toBe(true);
    const lifecycle = await firstValueFrom(desk.lifecycle$.pipe(filter((l: Lifecycle) => l.status === 'error')));
    expect(lifecycle).toMatchObject({ status: 'error', error: { code: deskCode, message } });
    expect(loader.load).not.toHaveBeenCalled();
    desk.destroy();
  });
});
