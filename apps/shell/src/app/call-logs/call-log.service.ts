/**
 * Saves every CallLog the desk offers to the customer's page (the CRM's storage), then acks it;
 * a save that fails is reported to the desk (`fail`, so it is offered again after a reload) and
 * listed with a retry. One subscription for the app's life, following the page's desk.
 */
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { CallLog, Desk } from 'tccc_remote/desk';
import { EMPTY, map, switchMap } from 'rxjs';
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
  readonly failed = signal<readonly FailedSave[]>([]);
  private desk: Desk | null = null;

  constructor() {
    const subscription = this.remote.desk$
      .pipe(switchMap((desk) => (desk ? desk.callLogs$.pipe(map((log) => ({ desk, log }))) : EMPTY)))
      .subscribe(({ desk, log }) => {
        this.desk = desk;
        this.save(log);
      });
    // Another tab of this CRM saved (the tab that owns the desk saves its logs): show them here too.
    const onStorage = (event: StorageEvent) => {
      if (event.key === CRM_CALL_LOGS_KEY || event.key === null) this.saved.set(readSaved());
    };
    globalThis.addEventListener?.('storage', onStorage);
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
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
      this.failed.update((list) => list.filter((f) => f.log.id !== log.id));
      return;
    }
    const next = [toSaved(log, CUSTOMERS, Date.now()), ...this.saved()].slice(0, MAX_SAVED);
    try {
      localStorage.setItem(CRM_CALL_LOGS_KEY, JSON.stringify(next));
    } catch (error) {
      const reason = `The CRM could not save the call log: ${error instanceof Error ? error.message : 'storage refused it'}`;
      desk?.callLogs.fail(log.id, reason);
      this.failed.update((list) => [...list.filter((f) => f.log.id !== log.id), { log, reason }]);
      return;
    }
    this.saved.set(next);
    this.failed.update((list) => list.filter((f) => f.log.id !== log.id));
    desk?.callLogs.ack(log.id);
  }
}

function readSaved(): SavedCallLog[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(CRM_CALL_LOGS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((r): r is SavedCallLog => typeof r?.id === 'string' && typeof r?.startedAt === 'number') : [];
  } catch {
    return [];
  }
}
