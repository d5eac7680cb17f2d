// The Link preload that serve-app.mjs and the gateway send with the shell's index.html.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const MODULE = pathToFileURL(join(__dirname, '..', 'remote-preload.mjs')).href;

/** The plain-node module, run as it runs in serve-app.mjs (jest here loads CommonJS only). */
function remoteManifestPreloads(text: string): string {
  const script = `import { remoteManifestPreloads } from ${JSON.stringify(MODULE)}; process.stdout.write(JSON.stringify(remoteManifestPreloads(process.argv[1])));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, text], { encoding: 'utf8' })) as string;
}

describe('remoteManifestPreloads', () => {
  it('preloads each remote manifest the desk manifest names, for a CORS fetch', () => {
    expect(remoteManifestPreloads('{"tccc_remote":"http://localhost:4201/mf-manifest.json"}')).toBe(
      '<http://localhost:4201/mf-manifest.json>; rel=preload; as=fetch; crossorigin=anonymous',
    );
    expect(remoteManifestPreloads(JSON.stringify({ a: '/desk/mf-manifest.json', b: 'https://cdn.example.com/b/mf-manifest.json' }))).toBe(
      '</desk/mf-manifest.json>; rel=preload; as=fetch; crossorigin=anonymous, <https://cdn.example.com/b/mf-manifest.json>; rel=preload; as=fetch; crossorigin=anonymous',
    );
  });

  it.each([
    ['not JSON', '{"tccc_remote":'],
    ['an array', '["/desk/mf-manifest.json"]'],
    ['null', 'null'],
    ['no remotes', '{}'],
    ['a number for a URL', '{"tccc_remote":42}'],
  ])('sends nothing for a desk manifest that is %s', (_what, text) => {
    expect(remoteManifestPreloads(text)).toBe('');
  });

  it('writes the URL as the shell requests it: an IDN host and a non-ASCII path percent-encoded', () => {
    expect(remoteManifestPreloads(JSON.stringify({ a: 'https://例子.com/désk/mf-manifest.json' }))).toBe(
      '<https://xn--fsqu00a.com/d%C3%A9sk/mf-manifest.json>; rel=preload; as=fetch; crossorigin=anonymous',
    );
    expect(remoteManifestPreloads(JSON.stringify({ a: '/désk/mf-manifest.json?v=1' }))).toBe(
      '</d%C3%A9sk/mf-manifest.json?v=1>; rel=preload; as=fetch; crossorigin=anonymous',
    );
  });

  it.each([
    ['another scheme', 'javascript:alert(1)'],
    ['a protocol-relative URL', '//evil.example.com/mf-manifest.json'],
    ['a relative path', 'desk/mf-manifest.json'],
    ['a comma (a second link)', 'https://cdn.example.com/x,<https://evil.example.com/>'],
    ['a semicolon (another parameter)', 'https://cdn.example.com/x>; rel=stylesheet'],
  ])('leaves out a URL with %s, and keeps the others', (_what, url) => {
    expect(remoteManifestPreloads(JSON.stringify({ bad: url, good: '/desk/mf-manifest.json' }))).toBe(
      '</desk/mf-manifest.json>; rel=preload; as=fetch; crossorigin=anonymous',
    );
  });

  it.each([
    ['a NUL byte', 'https://cdn.example.com/\u0000x'],
    ['a tab in the host', 'https://cdn.exa\tmple.com/x'],
    ['a line break (a second header)', 'https://cdn.example.com/x\r\nSet-Cookie: a=b'],
    ['a quote', 'https://cdn.example.com/x"'],
  ])('sends a URL with %s as the shell would request it: encoded, one header line of visible ASCII', (_what, url) => {
    const link = remoteManifestPreloads(JSON.stringify({ remote: url }));
    expect(link).toBe(`<${new URL(url).href}>; rel=preload; as=fetch; crossorigin=anonymous`);
    expect(link).toMatch(/^[\x20-\x7e]+$/);
  });
});
