/** What the desk reports as its versions in diagnostics (keep in step with package.json and contract.d.ts). */
export const REMOTE_VERSION = '0.1.0';
/** The published contract (contract.d.ts): bumped when its shapes change. */
export const CONTRACT_VERSION = '2';
