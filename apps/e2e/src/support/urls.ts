/** The stack's fixed ports (tools/scripts/stack.mjs starts it for the run). */
export const SHELL = 'http://localhost:4200';
export const REMOTE = 'http://localhost:4201';
export const EMULATOR = 'http://localhost:4300';
export const EXAMPLES = 'http://localhost:4202';
/** The shared gateway (nginx, self-signed certificate): shell at /, remote under /desk/, /api/ to two token-api replicas. */
export const GATEWAY = 'https://localhost:8443';
