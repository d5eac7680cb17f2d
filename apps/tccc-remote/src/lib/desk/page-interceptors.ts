/**
 * Interceptors for the page's desk, whichever instance it is: registered once (by a shell or
 * provideDesk) and applied to the page's desk now and to every desk created after a sign-out.
 * Kept on globalThis under a registered symbol, like the desk itself, so two builds agree.
 */
import type { CommandInterceptor, Desk, DeskCommandName } from '@tccc-desk/desk-core';

/** One interceptor with its command, as provideDesk takes them. */
export type DeskInterception = { [C in DeskCommandName]: { command: C } & CommandInterceptor<C> }[DeskCommandName];

const KEY = Symbol.for('tccc-desk.remote.page-interceptors');

interface Registration {
  interception: DeskInterception;
  /** Unregister functions, per desk it was applied to. */
  applied: Map<Desk, () => void>;
}

type GlobalWithRegistry = { [KEY]?: Set<Registration> };

function registry(): Set<Registration> {
  const host = globalThis as GlobalWithRegistry;
  return (host[KEY] ??= new Set());
}

function apply(registration: Registration, desk: Desk): void {
  if (registration.applied.has(desk)) return;
  const { command, ...hooks } = registration.interception;
  registration.applied.set(desk, desk.intercept(command, hooks as CommandInterceptor<typeof command>));
  // A destroyed desk is let go of (its interceptors went with it).
  desk.state$.subscribe({ complete: () => registration.applied.delete(desk) });
}

/**
 * Intercept a command of the page's desk (and of any later one). `desk` is the current page
 * desk, passed in by the caller so this module does not create one. Returns the unregister function.
 */
export function registerPageInterceptor(interception: DeskInterception, desk: Desk | null): () => void {
  if (interception === null || typeof interception !== 'object') throw new TypeError('interceptPageDesk: expected { command, before?, after? }');
  const registration: Registration = { interception, applied: new Map() };
  // Applied first: a bad command or interceptor throws here, before it is kept.
  if (desk) apply(registration, desk);
  registry().add(registration);
  return () => {
    registry().delete(registration);
    for (const unregister of registration.applied.values()) unregister();
    registration.applied.clear();
  };
}

/** Called for each new page desk. */
export function applyPageInterceptors(desk: Desk): void {
  for (const registration of registry()) apply(registration, desk);
}
