import { DESK_NEWER_MESSAGE, DESK_OLDER_MESSAGE, SUPPORTED_CONTRACT_MAJOR, contractCompatibility } from './desk-contract';

describe('contractCompatibility', () => {
  it('accepts any minor and patch of the supported major', () => {
    expect(contractCompatibility(`${SUPPORTED_CONTRACT_MAJOR}.0.0`)).toEqual({ ok: true, version: `${SUPPORTED_CONTRACT_MAJOR}.0.0` });
    expect(contractCompatibility('1.7.3', 1)).toEqual({ ok: true, version: '1.7.3' });
  });

  it('refuses a newer major: the page needs a newer version', () => {
    expect(contractCompatibility('2.0.0', 1)).toEqual({ ok: false, version: '2.0.0', message: DESK_NEWER_MESSAGE, remoteIsNewer: true });
    expect(DESK_NEWER_MESSAGE).toBe('The desk was updated and this page needs a newer version.');
  });

  it('refuses an older major, a missing or a malformed version: the desk is older than the page', () => {
    expect(contractCompatibility('1.2.0', 2)).toEqual({ ok: false, version: '1.2.0', message: DESK_OLDER_MESSAGE, remoteIsNewer: false });
    expect(contractCompatibility(undefined, 1)).toEqual({ ok: false, version: null, message: DESK_OLDER_MESSAGE, remoteIsNewer: false });
    expect(contractCompatibility('2', 1)).toEqual({ ok: false, version: '2', message: DESK_OLDER_MESSAGE, remoteIsNewer: false });
    expect(contractCompatibility('01.0.0', 1)).toMatchObject({ ok: false });
  });
});
