/**
 * `<tccc-desk>` in a page without Angular: a small Angular application per mount point, around the
 * page's shared desk. Unmounting destroys that application, never the desk (other parts of the
 * page, or the next mount, keep using it).
 */
import { createComponent, provideZonelessChangeDetection, type ApplicationRef } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { TCCC_DESK } from '../angular/desk-token';
import { getDesk, type GetDeskOptions } from '../desk/page-desk';
import { setDeskLocale } from '../desk/page-locale';
import { DeskComponent } from '../ui/desk.component';
import { resolveShortcuts, type DeskShortcuts } from '../ui/shortcuts';

export interface MountOptions extends Partial<GetDeskOptions> {
  restReasons?: readonly string[];
  /** Connect the desk when mounted if nobody has yet (default true). */
  autoConnect?: boolean;
  /** Event log and state inspector (default true). */
  showDiagnostics?: boolean;
  /** Keyboard shortcuts: `false` (off) or the keys to change, e.g. `{ accept: 'Alt+A', hold: null }`. */
  shortcuts?: DeskShortcuts;
  /** Where start-up failures go (default: console.error). */
  onError?: (error: unknown) => void;
}

export interface Unmount {
  (): void;
  /** Settles when the desk is on screen (or rejects if it could not start). */
  readonly ready: Promise<void>;
}

export function mount(element: HTMLElement, options: MountOptions = {}): Unmount {
  if (!element || typeof element.appendChild !== 'function') throw new TypeError('mount: element must be a DOM element');
  const { getAccessToken, apiBase } = options;
  if (options.shortcuts !== undefined) resolveShortcuts(options.shortcuts); // a TypeError now, not at render
  if (options.locale !== undefined) setDeskLocale(options.locale);
  const desk = getDesk(getAccessToken ? { getAccessToken, apiBase } : undefined);

  const host = element.ownerDocument.createElement('tccc-desk');
  element.appendChild(host);
  let app: ApplicationRef | null = null;
  let unmounted = false;

  const ready = createApplication({
    providers: [provideZonelessChangeDetection(), { provide: TCCC_DESK, useValue: desk }],
  }).then((appRef) => {
    if (unmounted) {
      appRef.destroy();
      return;
    }
    app = appRef;
    const ref = createComponent(DeskComponent, { environmentInjector: appRef.injector, hostElement: host });
    if (options.restReasons) ref.setInput('restReasons', options.restReasons);
    if (options.autoConnect !== undefined) ref.setInput('autoConnect', options.autoConnect);
    if (options.showDiagnostics !== undefined) ref.setInput('showDiagnostics', options.showDiagnostics);
    if (options.shortcuts !== undefined) ref.setInput('shortcuts', options.shortcuts);
    appRef.attachView(ref.hostView);
    appRef.tick();
  });
  ready.catch((error: unknown) => (options.onError ?? ((e: unknown) => console.error('tccc-desk mount failed', e)))(error));

  const unmount = (() => {
    if (unmounted) return;
    unmounted = true;
    app?.destroy();
    app = null;
    host.remove();
  }) as Unmount;
  Object.defineProperty(unmount, 'ready', { value: ready });
  return unmount;
}
