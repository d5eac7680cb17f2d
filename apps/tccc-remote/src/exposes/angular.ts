/** `tccc_remote/angular`: providers and signal adapters for Angular shells. */
export { provideDesk } from '../lib/angular/provide-desk';
export { TCCC_DESK, injectDesk } from '../lib/angular/desk-token';
export { deskSignals, type DeskSignals, type DeskStreams } from '../lib/angular/desk-signals';
