import { TcccLoadError } from './errors';
import { parseSdkUrl, redact, secretsOf } from './sdk-url';

function scrub(sdkUrl: string, text: string): string {
  return redact(text, secretsOf(sdkUrl, parseSdkUrl(sdkUrl)));
}

describe('parseSdkUrl', () => {
  it('names the rule but never the value', () => {
    const secret = 'http://ccc.example.test/sdk.js?token=tok_abcdef123456';
    let caught: unknown;
    try {
      parseSdkUrl(secret);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TcccLoadError);
    expect((caught as TcccLoadError).code).toBe('invalid_argument');
    expect((caught as TcccLoadError).message).toMatch(/https/);
    expect((caught as TcccLoadError).message).not.toContain('tok_abcdef123456');
  });

  it('allows plain http on loopback hosts only', () => {
    for (const ok of ['http://localhost/x.js', 'http://ccc.localhost:4300/x.js', 'http://127.0.0.1:4300/x.js', 'http://[::1]:4300/x.js']) {
      expect(parseSdkUrl(ok).href).toBe(new URL(ok).href);
    }
    for (const bad of ['http://127.0.0.2/x.js', 'http://localhost.evil.test/x.js', 'http://10.0.0.1/x.js']) {
      expect(() => parseSdkUrl(bad)).toThrow(TcccLoadError);
    }
  });
});

describe('redact', () => {
  it('removes the URL, and query values as decoded and as written', () => {
    const url = 'https://ccc.example.test/sdk.js?sdkAppId=1400000000&token=a%2Bb%2Fc%3D%3Dsecret';
    const text = `failed for ${url}; token a+b/c==secret or a%2Bb%2Fc%3D%3Dsecret`;
    const out = scrub(url, text);
    expect(out).toBe('failed for [redacted]; token [redacted] or [redacted]');
  });

  it('removes long path segments and fragments that may carry a token, keeping file names', () => {
    const url = 'https://ccc.example.test/login/0123456789abcdef0123456789abcdef/tccc-sdk.js#frag-secret';
    const out = scrub(url, 'segment 0123456789abcdef0123456789abcdef, file tccc-sdk.js, hash frag-secret');
    expect(out).toBe('segment [redacted], file tccc-sdk.js, hash [redacted]');
  });
});
