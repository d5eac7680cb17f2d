import { provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { RUNTIME_CONFIG, type RuntimeConfig } from './config/runtime-config';
import type { ManifestResult } from './federation/desk-manifest';
import { DESK_MANIFEST } from './federation/remote-loader';

export function appConfig(runtime: RuntimeConfig, manifest: ManifestResult): ApplicationConfig {
  return {
    providers: [
      provideZonelessChangeDetection(),
      provideRouter(routes, withComponentInputBinding()),
      { provide: RUNTIME_CONFIG, useValue: runtime },
      { provide: DESK_MANIFEST, useValue: manifest },
    ],
  };
}
