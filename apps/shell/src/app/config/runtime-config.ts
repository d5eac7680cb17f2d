/** The runtime configuration as an injection token (reading it: load-runtime-config.ts). */
import { InjectionToken } from '@angular/core';
import { DEFAULT_RUNTIME_CONFIG, type RuntimeConfig } from './load-runtime-config';

export * from './load-runtime-config';

export const RUNTIME_CONFIG = new InjectionToken<RuntimeConfig>('RUNTIME_CONFIG', {
  providedIn: 'root',
  factory: () => DEFAULT_RUNTIME_CONFIG,
});
