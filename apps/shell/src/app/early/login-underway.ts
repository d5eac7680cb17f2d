import type { Desk } from 'tccc_remote/desk';

/** What this needs of a desk (structural, so a test can hand it a fake). */
export type DeskProgress = { lifecycle$: Pick<Desk['lifecycle$'], 'subscribe'>; tab$: Pick<Desk['tab$'], 'subscribe'> };

/**
 * Resolves once this tab's desk login request is out: its lifecycle left `idle` (the tab lock was
 * granted and the login client called) and the tasks queued behind that have run, so the POST has
 * been handed to the network; or another tab owns the desk (a follower never logs in). connect()
 * returning is not enough: the lock is granted in a later task, which Angular's start-up would
 * otherwise hold back by a few hundred milliseconds (bench:ready). Never rejects.
 */
export function loginUnderway(desk: DeskProgress): Promise<void> {
  return new Promise<void>((resolve) => {
    let settled = false;
    const subscriptions: { unsubscribe(): void }[] = [];
    const settle = () => {
      if (settled) return;
      settled = true;
      // The replayed value can arrive inside subscribe(): unsubscribe after it returned.
      queueMicrotask(() => subscriptions.forEach((subscription) => subscription.unsubscribe()));
      // The login client awaits the access token before fetch(): one task later it has been sent.
      setTimeout(resolve, 0);
    };
    const observer = { error: settle, complete: settle };
    subscriptions.push(desk.lifecycle$.subscribe({ ...observer, next: (lifecycle) => lifecycle.status !== 'idle' && settle() }));
    subscriptions.push(desk.tab$.subscribe({ ...observer, next: (tab) => tab.role === 'follower' && settle() }));
  });
}
