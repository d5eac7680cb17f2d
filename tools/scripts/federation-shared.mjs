// What the shell and tccc_remote share (one list, imported by both rspack configs): Angular, rxjs and
// our two libraries and intl-messageformat, one copy each per page. `rxjs` only, never `rxjs/operators`: sharing both puts
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

/** Workspace libraries: resolved through tsconfig paths, versioned by their package.json. */
function workspaceLib(packageJsonPath) {
  const { version } = require(packageJsonPath);
  return { ...singleton(version), version };
}

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
  '@tccc-desk/desk-core': workspaceLib('../../libs/desk-core/package.json'),
  '@tccc-desk/tccc-sdk': workspaceLib('../../libs/tccc-sdk/package.json'),
};
