/**
 * Start-up: the deploy-time files (runtime config, desk manifest) and the remotes they name were read
 * by main.ts (early-start.ts, which also started a remembered person's desk login); then Angular.
 * Neither file is required: without them the CRM runs without the desk.
 */
import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';
import { earlyLoginSent, startEarly } from './app/early/early-start';

/** How long Angular's start-up may wait for the desk's login to be sent (the remote is not held to it). */
const LOGIN_HEAD_START_MS = 250;

const { runtime, manifest } = await startEarly();
// A remembered person's desk login goes out first; Angular's start-up would otherwise hold the main
// thread while the remote's chunks wait to be requested (bench:ready showed ~150 ms).
await earlyLoginSent(LOGIN_HEAD_START_MS);

bootstrapApplication(AppComponent, appConfig(runtime, manifest)).catch((error: unknown) =>
  console.error('shell failed to start', error),
);
