/** `tccc_remote/angular`: providers and signal adapters for Angular shells. */
export { provideDesk, type ProvideDeskOptions } from '../lib/angular/provide-desk';
export { TCCC_DESK_SHORTCUTS } from '../lib/angular/desk-shortcuts-token';
export { TCCC_DESK, injectDesk } from '../lib/angular/desk-token';
export { deskSignals, type DeskSignals, type DeskStreams } from '../lib/angular/desk-signals';
