/** What the tabs specs share: waiting on real timers, and a tab's role and lifecycle status. */
import { firstValueFrom } from 'rxjs';
import type { Desk, TabInfo } from '../src/index';

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds, failing with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(5);
  }
}

/** The last role a tab was told (tab$). */
export const role = (tab: { roles: TabInfo['role'][] }) => tab.roles.at(-1);

export const status = async (desk: Desk) => (await firstValueFrom(desk.lifecycle$)).status;
