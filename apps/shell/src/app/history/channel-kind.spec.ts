// What kind of contact a history row and a saved call log say it was: an internal call once, not twice.
import { TestBed } from '@angular/core/testing';
import { provideZonelessChangeDetection, type Type } from '@angular/core';
import { provideRouter } from '@angular/router';
import { SavedCallLogsComponent } from '../call-logs/saved-call-logs.component';
import type { SavedCallLog } from '../call-logs/saved-call-log';
import { CallHistoryTableComponent } from './call-history-table.component';
import type { CallRecord } from './call-record';

async function render<T>(component: Type<T>, records: unknown[], testId: string): Promise<string[]> {
  TestBed.configureTestingModule({ imports: [component], providers: [provideZonelessChangeDetection(), provideRouter([])] });
  const fixture = TestBed.createComponent(component);
  fixture.componentRef.setInput('records', records);
  await fixture.whenStable();
  return [...(fixture.nativeElement as HTMLElement).querySelectorAll(`[data-testid="${testId}"]`)].map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim());
}

const record = (id: string, direction: CallRecord['direction'], channel: CallRecord['channel']): CallRecord =>
  ({ id, direction, channel, who: id, customer: null, phoneNumber: null, startedAt: 0, durationMs: 0, outcome: 'Agent hung up' });
const log = (id: string, direction: SavedCallLog['direction'], channel: SavedCallLog['channel']): SavedCallLog =>
  ({ id, customerId: null, channel, direction, outcome: 'ended', who: id, phoneNumber: null, startedAt: 0, durationS: 0, endedBy: null, notes: '', savedAt: 0 });

describe('the kind of contact in the CRM’s lists', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('call history: "internal", not "internal (internal)"; the other channels as before', async () => {
    const rows = await render(CallHistoryTableComponent, [record('a', 'internal', 'internal'), record('b', 'inbound', 'im'), record('c', 'outbound', 'phone')], 'call-record-channel');
    expect(rows).toEqual(['internal', 'inbound (chat)', 'outbound']);
  });

  it('saved call logs: "internal", not "internal internal"', async () => {
    const rows = await render(SavedCallLogsComponent, [log('a', 'internal', 'internal'), log('b', 'inbound', 'video')], 'saved-call-log-kind');
    expect(rows).toEqual(['internal', 'inbound video']);
  });
});
