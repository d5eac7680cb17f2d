// What the shell and tccc_remote share (one list, imported by both rspack configs): Angular, rxjs
// and intl-messageformat (both sides' translations), one copy each per page. Our libraries
// (desk-core, tccc-sdk) are not shared: only the remote runs them (the shell is typed from the
// remote's generated contract), so they are plain chunks of the remote, fetched with its entry
// instead of one round trip later through the share scope; one desk and one SDK per page hold
// through their page-wide slots (globalThis symbols), not through sharing. `rxjs` only, never
// `rxjs/operators`: sharing both puts
// rxjs internals in two chunks (see Build choices in docs/architecture.md). `@angular/core/rxjs-interop` and
// `@angular/common/http` import Angular's internal chunks by relative path, so a private copy of
// them would carry a second Angular DI.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function installedVersion(pkg) {
  return require(`${pkg}/package.json`).version;
}

// For packages whose `exports` hide package.json (intl-messageformat): read it from node_modules.
function installedVersionByPath(pkg) {
  return require(`../../node_modules/${pkg}/package.json`).version;
}

function singleton(version) {
  return { singleton: true, strictVersion: true, requiredVersion: `^${version}`, eager: false };
}

const angular = installedVersion('@angular/core');
const rxjs = installedVersion('rxjs');
const intlMessageFormat = installedVersionByPath('intl-messageformat');

export const sharedModules = {
  '@angular/core': singleton(angular),
  '@angular/core/rxjs-interop': singleton(angular),
  '@angular/common': singleton(angular),
  '@angular/common/http': singleton(angular),
  '@angular/platform-browser': singleton(angular),
  '@angular/router': singleton(angular),
  rxjs: singleton(rxjs),
  // The ICU message formatter both the shell's and the desk's translations use (@tccc-desk/i18n).
  'intl-messageformat': singleton(intlMessageFormat),
};
