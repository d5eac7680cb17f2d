import { InjectionToken } from '@angular/core';
import type { DeskShortcuts } from '../ui/shortcuts';

/** The host's keyboard shortcuts for every `<tccc-desk>` under this injector (`provideDesk({ shortcuts })`). */
export const TCCC_DESK_SHORTCUTS = new InjectionToken<DeskShortcuts>('TCCC_DESK_SHORTCUTS');
