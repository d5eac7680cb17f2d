/** What the desk reports as its versions in diagnostics (keep in step with package.json). */
export const REMOTE_VERSION = '0.1.0';
/**
 * The contract's version (semver), exported by `./desk`: the single source. Bump it when the generated
 * contract/tccc-remote.d.ts changes (major: breaking, minor: additions), then `npm run contract:lock`.
 */
export const CONTRACT_VERSION = '1.6.0';
