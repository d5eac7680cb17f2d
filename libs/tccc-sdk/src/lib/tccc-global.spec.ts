import { isTcccGlobal, restoreTcccGlobal, type TcccHost } from './tccc-global';

describe('restoreTcccGlobal', () => {
  it('deletes a plain property', () => {
    const host: TcccHost = { tccc: { on() {} } };
    restoreTcccGlobal(host, undefined);
    expect('tccc' in host).toBe(false);
  });

  it('blanks a non-deletable one (an SDK that declared `var tccc`)', () => {
    const host = {} as TcccHost;
    Object.defineProperty(host, 'tccc', { value: { on() {} }, writable: true, configurable: false });
    restoreTcccGlobal(host, undefined);
    expect(host.tccc).toBeUndefined();
  });

  it('puts back what was there before, and leaves an unchanged value alone', () => {
    const host: TcccHost = { tccc: 'sdk' };
    restoreTcccGlobal(host, 'before');
    expect(host.tccc).toBe('before');
    restoreTcccGlobal(host, 'before');
    expect(host.tccc).toBe('before');
  });
});

describe('isTcccGlobal', () => {
  it('wants on and events; off is not documented, so not required (issue 9, defect 8)', () => {
    expect(isTcccGlobal({ on() {}, off() {}, events: {} })).toBe(true);
    expect(isTcccGlobal({ on() {}, events: {} })).toBe(true);
    expect(isTcccGlobal({ off() {}, events: {} })).toBe(false);
    expect(isTcccGlobal({ on() {}, off() {}, events: null })).toBe(false);
    expect(isTcccGlobal(undefined)).toBe(false);
    expect(isTcccGlobal(42)).toBe(false);
  });
});
