import { TestBed } from '@angular/core/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { CallLog, Desk } from 'tccc_remote/desk';
import { BehaviorSubject, NEVER, of } from 'rxjs';
import { fakeDesk } from '../../testing/fake-desk';
import { DEMO_CALLERS } from '../customers/customers.data';
import { DeskRemoteService } from '../desk/desk-remote.service';
import { CRM_CALL_LOGS_KEY, CallLogService } from './call-log.service';

const log = (overrides: Partial<CallLog> = {}): CallLog => ({
  id: 's1',
  sessionId: 's1',
  channel: 'phone',
  direction: 'inbound',
  outcome: 'ended',
  peer: { phoneNumber: DEMO_CALLERS.first },
  offeredAt: 1_000,
  answeredAt: 2_000,
  endedAt: 65_000,
  loggedAt: 70_000,
  durationS: 63,
  closeBy: 'client',
  transfers: [],
  notes: 'Wants a callback',
  ...overrides,
});

describe('CallLogService (the CRM saves each call log)', () => {
  let fake: ReturnType<typeof fakeDesk>;

  beforeEach(() => {
    localStorage.clear();
    fake = fakeDesk();
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), { provide: DeskRemoteService, useValue: { desk$: new BehaviorSubject<Desk | null>(fake.asDesk) } }],
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    TestBed.resetTestingModule();
  });

  it('saves a log to the customer matched by number, then acks it', () => {
    const service = TestBed.inject(CallLogService);
    fake.callLogs$.next(log());
    expect(service.saved()).toEqual([expect.objectContaining({ id: 's1', customerId: 'c001', notes: 'Wants a callback', durationS: 63 })]);
    expect(JSON.parse(localStorage.getItem(CRM_CALL_LOGS_KEY) ?? '[]')).toHaveLength(1);
    expect(fake.desk.callLogs.ack).toHaveBeenCalledWith('s1');
    expect(fake.desk.callLogs.fail).not.toHaveBeenCalled();
  });

  it('a log the desk replays as soon as it is subscribed (un-acked from before a reload) is saved and acked', () => {
    Object.assign(fake.desk, { callLogs$: of(log({ id: 'r1', sessionId: 'r1' })) });
    const service = TestBed.inject(CallLogService);
    expect(service.saved().map((saved) => saved.id)).toEqual(['r1']);
    expect(fake.desk.callLogs.ack).toHaveBeenCalledWith('r1');
  });

  it('across tabs: what another tab saved is kept when this one saves, and shown here as it is written (review)', () => {
    const service = TestBed.inject(CallLogService); // this tab read an empty store at start
    // Another tab (then the one owning the desk) saved a log meanwhile, and the browser tells this one.
    const other = [{ ...service.saved()[0], id: 'a1', sessionId: 'a1', customerId: 'c001', startedAt: 1_000 }];
    localStorage.setItem(CRM_CALL_LOGS_KEY, JSON.stringify(other));
    globalThis.dispatchEvent(new StorageEvent('storage', { key: CRM_CALL_LOGS_KEY }));
    expect(service.saved().map((saved) => saved.id)).toEqual(['a1']);
    // A second write by the other tab that this one has not heard of yet: still kept.
    localStorage.setItem(CRM_CALL_LOGS_KEY, JSON.stringify([{ ...other[0], id: 'a2', sessionId: 'a2' }, ...other]));
    fake.callLogs$.next(log({ id: 'b1', sessionId: 'b1' })); // this tab took the desk over
    expect(JSON.parse(localStorage.getItem(CRM_CALL_LOGS_KEY) ?? '[]').map((saved: { id: string }) => saved.id)).toEqual(['b1', 'a2', 'a1']);
    expect(service.saved().map((saved) => saved.id)).toEqual(['b1', 'a2', 'a1']);
  });

  it('matches a chat visitor by visitor id', () => {
    const service = TestBed.inject(CallLogService);
    fake.callLogs$.next(log({ id: 'chat-1', channel: 'im', peer: { nickname: 'web visitor', userId: 'c007' } }));
    expect(service.saved()[0]).toEqual(expect.objectContaining({ customerId: 'c007' }));
  });

  it('a failed save: fail(id, reason) to the desk, listed (from the desk\'s unacked$) with a retry; the retry saves and acks', () => {
    // The desk lists the failure as its callLogs.fail does.
    fake.desk.callLogs.fail.mockImplementation((id: string, reason: string) => fake.unacked$.next([log({ id, lastFailure: reason })]));
    fake.desk.callLogs.ack.mockImplementation((id: string) => fake.unacked$.next(fake.unacked$.value.filter((l) => l.id !== id)));
    const service = TestBed.inject(CallLogService);
    const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    fake.callLogs$.next(log());
    expect(fake.desk.callLogs.fail).toHaveBeenCalledWith('s1', expect.stringContaining('QuotaExceededError'));
    expect(fake.desk.callLogs.ack).not.toHaveBeenCalled();
    expect(service.failed()).toEqual([{ log: expect.objectContaining({ id: 's1' }), reason: expect.stringContaining('QuotaExceededError') }]);
    expect(service.saved()).toEqual([]);

    setItem.mockRestore();
    service.retry('s1');
    expect(service.failed()).toEqual([]);
    expect(service.saved().map((s) => s.id)).toEqual(['s1']);
    expect(fake.desk.callLogs.ack).toHaveBeenCalledWith('s1');
  });

  it('in a tab that does not own the desk: a save that failed in the desk\'s tab is listed here too, and the retry here saves and acks', () => {
    const service = TestBed.inject(CallLogService);
    expect(service.failed()).toEqual([]);
    // The desk's tab could not save s1: this tab's desk (a follower) mirrors its list.
    fake.unacked$.next([log({ id: 's0' }), log({ lastFailure: 'The CRM could not save the call log: disk full' })]);
    expect(service.failed()).toEqual([{ log: expect.objectContaining({ id: 's1' }), reason: 'The CRM could not save the call log: disk full' }]);
    service.retry('s1');
    expect(service.saved().map((s) => s.id)).toEqual(['s1']);
    expect(fake.desk.callLogs.ack).toHaveBeenCalledWith('s1');
    fake.unacked$.next([log({ id: 's0' })]); // the desk's tab heard the ack
    expect(service.failed()).toEqual([]);
  });

  it('a remote from before contract 1.5 (no unacked$): this tab lists its own failed saves', () => {
    delete (fake.desk.callLogs as Partial<typeof fake.desk.callLogs>).unacked$;
    const service = TestBed.inject(CallLogService);
    const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    fake.callLogs$.next(log());
    expect(service.failed()).toEqual([{ log: expect.objectContaining({ id: 's1' }), reason: expect.stringContaining('QuotaExceededError') }]);
    setItem.mockRestore();
    service.retry('s1');
    expect(service.failed()).toEqual([]);
    expect(fake.desk.callLogs.ack).toHaveBeenCalledWith('s1');
  });

  it('sign-out and another user: a failed save of the signed-out desk is not listed, nor retried on the next user\'s desk', () => {
    const desk$ = TestBed.inject(DeskRemoteService).desk$ as BehaviorSubject<Desk | null>;
    fake.desk.callLogs.fail.mockImplementation((id: string, reason: string) => fake.unacked$.next([log({ id, lastFailure: reason })]));
    const service = TestBed.inject(CallLogService);
    const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    fake.callLogs$.next(log());
    setItem.mockRestore();
    expect(service.failed().map((f) => f.log.id)).toEqual(['s1']);
    desk$.next(null); // signed out: the desk keeps the log unacked for its seat, offered at the next sign-in
    expect(service.failed()).toEqual([]);
    const bob = fakeDesk();
    delete (bob.desk.callLogs as Partial<typeof bob.desk.callLogs>).unacked$; // a remote before 1.5
    desk$.next(bob.asDesk);
    expect(service.failed()).toEqual([]);
    service.retry('s1');
    expect(bob.desk.callLogs.ack).not.toHaveBeenCalled();
    expect(service.saved()).toEqual([]);
  });

  it('a desk whose list is not known yet (its login under way) lists no failures, not the previous desk\'s', () => {
    const desk$ = TestBed.inject(DeskRemoteService).desk$ as BehaviorSubject<Desk | null>;
    const service = TestBed.inject(CallLogService);
    fake.unacked$.next([log({ lastFailure: 'disk full' })]);
    expect(service.failed().map((f) => f.log.id)).toEqual(['s1']);
    const next = fakeDesk();
    Object.assign(next.desk.callLogs, { unacked$: NEVER }); // says nothing until its seat is known
    desk$.next(next.asDesk);
    expect(service.failed()).toEqual([]);
  });

  it('a log offered again that is already saved is only acked', () => {
    const service = TestBed.inject(CallLogService);
    fake.callLogs$.next(log());
    fake.callLogs$.next(log());
    expect(service.saved()).toHaveLength(1);
    expect(fake.desk.callLogs.ack).toHaveBeenCalledTimes(2);
  });
});
