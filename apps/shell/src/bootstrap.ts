/**
 * Start-up: read the deploy-time files (runtime config, desk manifest), register the remotes they
 * name, then start Angular. Neither file is required: without them the CRM runs without the desk.
 */
import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';
import { loadRuntimeConfig } from './app/config/runtime-config';
import { loadDeskManifest } from './app/federation/desk-manifest';
import { initFederation } from './app/federation/init-federation';

const [runtime, manifest] = await Promise.all([loadRuntimeConfig(), loadDeskManifest()]);
if (!manifest.ok) console.warn(`[shell] desk unavailable: ${manifest.problem}`);
initFederation(manifest);

bootstrapApplication(AppComponent, appConfig(runtime, manifest)).catch((error: unknown) =>
  console.error('shell failed to start', error),
);
