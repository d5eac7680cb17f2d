import { DeskError, isDeskError } from '../src/index';
import { redactSdkUrl } from '@tccc-desk/tccc-sdk';
import { loadFailure, loginFailure } from '../src/lib/errors';

describe('DeskError', () => {
  it('is an Error carrying DeskErrorInfo, serialisable, recognised across copies', () => {
    const error = new DeskError({ code: 'invalid_argument', message: 'phoneNumber: bad', field: 'phoneNumber', retryable: false });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DeskError');
    expect(JSON.parse(JSON.stringify(error))).toEqual({ code: 'invalid_argument', message: 'phoneNumber: bad', field: 'phoneNumber', retryable: false });
    expect(isDeskError(error)).toBe(true);
    expect(isDeskError(new Error('x'))).toBe(false);
    expect(isDeskError({ code: 'sdk_error' })).toBe(false);
    // Another copy of the library brands its errors with the same registered symbol.
    const foreign = Object.defineProperty(new Error('x'), Symbol.for('tccc-desk.DeskError'), { value: true });
    expect(isDeskError(foreign)).toBe(true);
  });

  it('maps login and load failures', () => {
    expect(loginFailure(new Error('down')).toJSON()).toEqual({ code: 'login_failed', message: 'Logging in to TCCC failed: down.', retryable: true });
    const noSeat = new DeskError({ code: 'no_seat', message: 'no seat', retryable: false });
    expect(loginFailure(noSeat)).toBe(noSeat);
    expect(loadFailure(noSeat, 'https://x')).toBe(noSeat);
    expect(loadFailure('weird', 'https://x').toJSON()).toEqual({ code: 'script_error', message: 'The TCCC SDK could not be loaded.', retryable: true });
  });

  it('redacts an SdkURL (the one function shared with tccc-sdk) and its token out of messages', () => {
    const url = 'https://sdk.example.test/a.js?sdkAppId=1400&token=abcdefghijkl&x=short';
    expect(redactSdkUrl(`failed ${url}`, url)).toBe('failed [redacted]');
    expect(redactSdkUrl('token abcdefghijkl expired', url)).toBe('token [redacted] expired');
    expect(redactSdkUrl('nothing here', url)).toBe('nothing here');
    expect(loadFailure(new Error(`no ${url}`), url).message).not.toContain('abcdefghijkl');
  });
});
