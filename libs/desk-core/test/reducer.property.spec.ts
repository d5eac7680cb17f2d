// Random event sequences (valid, invalid, duplicate, out of order) against the reducer and a desk.
import fc from 'fast-check';
import { CALL_IN_TYPES, PLATFORM_AGENT_STATUSES, TCCC_EVENT_NAMES } from '@tccc-desk/tccc-sdk';
import * as deskActions from '../src/lib/actions';
import * as commandActions from '../src/lib/command-actions';
import type { DeskAction } from '../src/lib/actions';
import { createReducer } from '../src/lib/reducer';
import { initialState } from '../src/lib/state';
import { createDesk, type DeskState } from '../src/index';
import { createFakeLoader, createFakeLogin, createFakeSdk } from './fake-sdk';
import { ev } from './helpers';

const A = { ...deskActions, ...commandActions };

const ids = fc.constantFrom('a', 'b', 'c', 'd', '__proto__');
const eventNames = fc.constantFrom(...TCCC_EVENT_NAMES, 'bogus', '', 'constructor', '__proto__', 'toString');

const payload = fc.oneof(
  { weight: 8, arbitrary: fc.record(
    {
      sessionId: fc.oneof({ weight: 9, arbitrary: ids }, { weight: 1, arbitrary: fc.constantFrom(undefined, 7, '', null) }),
      type: fc.constantFrom(...CALL_IN_TYPES, 'fax', undefined),
      timeout: fc.constantFrom(0, 30, -1, Number.NaN, 'soon'),
      closeBy: fc.constantFrom('client', 'seat', 'admin', 'timer', 'nobody', undefined),
      mainReason: fc.constantFrom('hung up', undefined, 3),
      status: fc.constantFrom(...PLATFORM_AGENT_STATUSES, 'dancing', undefined),
      ivrPath: fc.constantFrom(undefined, [{ key: '1', label: 'x' }], 'not a list', [null]),
      skillGroupId: fc.constantFrom('sg', undefined),
      nickname: fc.constantFrom('Ann', undefined, {}),
    },
    { requiredKeys: [] },
  ) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 42, 'text', [], [1, 2]) },
);

const sdkAction = fc.tuple(eventNames, payload).map(([name, p]) => ev(name, p));

const commandAction: fc.Arbitrary<DeskAction> = fc.oneof(
  fc.tuple(ids).map(([id]) => A.dialed({ phoneNumber: '10086' }, { sessionId: id }, 1)),
  fc.tuple(ids).map(([id]) => A.internalStarted(id, 'bob', 1)),
  fc.tuple(ids, fc.boolean()).map(([id, on]) => A.muted(id, on)),
  fc.tuple(ids, fc.boolean()).map(([id, on]) => A.held(id, on)),
  fc.tuple(ids).map(([id]) => A.internalStarted(undefined, id, 1)),
  fc.constantFrom(A.internalRequested('bob'), A.internalFailed('bob')),
  fc.tuple(ids, fc.boolean()).map(([id, on]) => A.videoMuted(id, on)),
  fc.tuple(ids).map(([id]) => A.deleted(id)),
  fc.tuple(ids, fc.constantFrom(0, 10_000, 1e9)).map(([id, at]) => A.expiredOffer(id, at)),
  fc.constantFrom(A.statusRequested('rest', 'lunch'), A.statusRequested('stopNotReady'), A.statusRequestFailed('free'), A.online(true), A.online(false)),
  fc.constantFrom(A.authenticating(), A.loading(), A.ready(1), A.failed({ code: 'login_failed', message: 'x', retryable: true })),
);

const actions = fc.array(fc.oneof({ weight: 4, arbitrary: sdkAction }, { weight: 1, arbitrary: commandAction }), { maxLength: 60 });

function checkInvariants(state: DeskState, historySize: number): void {
  const liveIds = new Set(state.sessionOrder);
  expect(liveIds.size).toBe(state.sessionOrder.length);
  expect(Object.keys(state.sessions).sort()).toEqual([...state.sessionOrder].sort());
  for (const id of state.sessionOrder) {
    expect(state.sessions[id].id).toBe(id);
    expect(['ringing', 'dialing', 'talking', 'held']).toContain(state.sessions[id].status);
  }
  // no session both live and in history; history ids unique and bounded
  const historyIds = state.history.map((s) => s.id);
  expect(historyIds.filter((id) => liveIds.has(id))).toEqual([]);
  expect(new Set(historyIds).size).toBe(historyIds.length);
  expect(state.history.length).toBeLessThanOrEqual(historySize);
  for (const s of state.history) expect(['ended', 'transferred']).toContain(s.status);
  // at most one active session, and it is live; engaged ones beat ringing/dialing ones
  const live = state.sessionOrder.map((id) => state.sessions[id]);
  if (state.activeSessionId === null) {
    expect(live).toEqual([]);
  } else {
    expect(liveIds.has(state.activeSessionId)).toBe(true);
    const engaged = live.filter((s) => s.status === 'talking' || s.status === 'held');
    const active = state.sessions[state.activeSessionId];
    if (engaged.length > 0) expect(['talking', 'held']).toContain(active.status);
    else expect(state.activeSessionId).toBe(state.sessionOrder[state.sessionOrder.length - 1]);
  }
}

describe('reducer properties', () => {
  it('never throws, never mutates its input, keeps the session invariants', () => {
    fc.assert(
      fc.property(actions, fc.integer({ min: 0, max: 4 }), (sequence, historySize) => {
        const reducer = createReducer({ historySize });
        let state = initialState();
        let sdkEvents = 0;
        for (const action of sequence) {
          const before = JSON.stringify(state);
          const next = reducer(state, action);
          expect(JSON.stringify(state)).toBe(before);
          if (action.type === 'sdk/event') sdkEvents++;
          checkInvariants(next, historySize);
          state = next;
        }
        expect(state.diagnostics.eventsSeen).toBe(sdkEvents);
        expect(state.diagnostics.unexpectedEvents).toBeLessThanOrEqual(sdkEvents);
      }),
      { numRuns: 400 },
    );
  });

  it('a desk fed the same SDK events reaches the same sessions, and leaves no listener after destroy', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(eventNames, payload, fc.boolean()), { maxLength: 40 }), async (events) => {
        const sdk = createFakeSdk();
        const desk = createDesk({ login: createFakeLogin(), loader: createFakeLoader(sdk), clock: () => 1_000, historySize: 3 });
        await desk.connect();
        const errors: string[] = [];
        desk.errors$.subscribe((e) => errors.push(e.code));
        let last: DeskState | undefined;
        desk.state$.subscribe((s) => (last = s));
        for (const [name, p, wrapped] of events) sdk.emit(name, wrapped ? { data: p } : p);

        // Only documented names reach the desk (it listens to those); payloads go through unwrapped.
        const heard = events
          .filter(([name]) => (TCCC_EVENT_NAMES as readonly string[]).includes(name))
          .map(([name, p, wrapped]) => ev(name, wrapped && (p === null || typeof p !== 'object') ? { data: p } : p, 1_000));
        const expected = heard.reduce(createReducer({ historySize: 3 }), initialState());
        const state = last as DeskState;
        expect(state.sessionOrder).toEqual(expected.sessionOrder);
        expect(state.history).toEqual(expected.history);
        expect(state.diagnostics).toEqual(expected.diagnostics);
        expect(errors.filter((code) => code === 'unexpected_event')).toHaveLength(expected.diagnostics.unexpectedEvents);

        desk.destroy();
        expect(sdk.listenerCount()).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});
