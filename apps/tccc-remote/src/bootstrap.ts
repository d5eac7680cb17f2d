import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { DevPageComponent } from './dev/dev-page.component';

bootstrapApplication(DevPageComponent, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) =>
  console.error('tccc-remote dev page failed to start', error),
);
