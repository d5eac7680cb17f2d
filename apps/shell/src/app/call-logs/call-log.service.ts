/**
 * Saves every CallLog the desk offers to the customer's page (the CRM's storage), then acks it;
 * a save that fails is reported to the desk (`fail`, so it is offered again after a reload) and
 * listed with a retry, in every tab of the CRM: the desk's `callLogs.unacked$` carries the
 * failure to the tabs that follow the one owning the desk. One subscription for the app's life,
 * following the page's desk.
 */
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { CallLog, Desk } from 'tccc_remote/desk';
import { EMPTY, map, of, startWith, switchMap } from 'rxjs';
import { CUSTOMERS } from '../customers/customers.data';
import { DeskRemoteService } from '../desk/desk-remote.service';
import { toSaved, type SavedCallLog } from './saved-call-log';

export const CRM_CALL_LOGS_KEY = 'crm.call-logs.v1';
/** The CRM keeps the latest records only (a demo store in localStorage). */
const MAX_SAVED = 500;

export interface FailedSave {
  log: CallLog;
  reason: string;
}

@Injectable({ providedIn: 'root' })
export class CallLogService {
  private readonly remote = inject(DeskRemoteService);
  readonly saved = signal<readonly SavedCallLog[]>(readSaved());
  /** The desk's list of failed saves (every tab's), or null from a remote before contract 1.5. */
  private readonly failedOnDesk = signal<readonly FailedSave[] | null>(null);
  /** This tab's failed saves: what a remote without `unacked$` leaves the CRM to know. */
  private readonly failedHere = signal<readonly FailedSave[]>([]);
  readonly failed = computed(() => this.failedOnDesk() ?? this.failedHere());
  private desk: Desk | null = null;

  constructor() {
    // First: callLogs$ replays what is un-acked at once, and each save acks on this desk.
    // Any tab may retry a failed save (an ack from a follower tab reaches the desk's tab).
    // A failure belongs to the desk (the seat) it came from: a signed-out desk keeps its logs
    // unacked and offers them again at the next sign-in, so its list is not shown to the next user.
    const desks = this.remote.desk$.subscribe((desk) => {
      if (desk !== this.desk) this.failedHere.set([]);
      this.desk = desk;
    });
    const logs = this.remote.desk$.pipe(switchMap((desk) => desk?.callLogs$ ?? EMPTY)).subscribe((log) => this.save(log));
    const failures = this.remote.desk$
      .pipe(switchMap((desk) => (!desk ? of([]) : desk.callLogs.unacked$ ? desk.callLogs.unacked$.pipe(map(failedOf), startWith([])) : of(null))))
      .subscribe((list) => this.failedOnDesk.set(list));
    // Another tab of this CRM saved (the tab that owns the desk saves its logs): show them here too.
    const onStorage = (event: StorageEvent) => {
      if (event.key === CRM_CALL_LOGS_KEY || event.key === null) this.saved.set(readSaved());
    };
    globalThis.addEventListener?.('storage', onStorage);
    inject(DestroyRef).onDestroy(() => {
      for (const subscription of [logs, desks, failures]) subscription.unsubscribe();
      globalThis.removeEventListener?.('storage', onStorage);
    });
  }

  /** Try a failed one again. */
  retry(id: string): void {
    const entry = this.failed().find((f) => f.log.id === id);
    if (entry) this.save(entry.log);
  }

  private save(log: CallLog): void {
    const desk = this.desk;
    // The store as it is now, not as this tab last read it: another tab may have written since.
    this.saved.set(readSaved());
    if (this.saved().some((s) => s.id === log.id)) {
      desk?.callLogs.ack(log.id); // saved before (e.g. acked on another tab's desk meanwhile)
      this.failedHere.update((list) => list.filter((f) => f.log.id !== log.id));
      return;
    }
    const next = [toSaved(log, CUSTOMERS, Date.now()), ...this.saved()].slice(0, MAX_SAVED);
    try {
      localStorage.setItem(CRM_CALL_LOGS_KEY, JSON.stringify(next));
    } catch (error) {
      const reason = `The CRM could not save the call log: ${error instanceof Error ? error.message : 'storage refused it'}`;
      desk?.callLogs.fail(log.id, reason);
      this.failedHere.update((list) => [...list.filter((f) => f.log.id !== log.id), { log, reason }]);
      return;
    }
    this.saved.set(next);
    this.failedHere.update((list) => list.filter((f) => f.log.id !== log.id));
    desk?.callLogs.ack(log.id);
  }
}

/** The desk's unacknowledged logs that a save failed for, with why. */
function failedOf(unacked: readonly CallLog[]): FailedSave[] {
  return unacked.flatMap((log) => (log.lastFailure ? [{ log, reason: log.lastFailure }] : []));
}

function readSaved(): SavedCallLog[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(CRM_CALL_LOGS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((r): r is SavedCallLog => typeof r?.id === 'string' && typeof r?.startedAt === 'number') : [];
  } catch {
    return [];
  }
}
