// Small builders shared by the specs.
import type { DeskAction } from '../src/lib/actions';
import type { DeskEvent, DeskState } from '../src/index';
import { createReducer } from '../src/lib/reducer';
import { initialState } from '../src/lib/state';

/** An SDK event action; any name and payload (the reducer must cope with anything). */
export function ev(name: string, payload?: unknown, at = 1_000): DeskAction {
  return { type: 'sdk/event', event: { name, payload, at } as unknown as DeskEvent };
}

export function reduceAll(actions: DeskAction[], historySize = 50, from: DeskState = initialState()): DeskState {
  const reducer = createReducer({ historySize });
  return actions.reduce(reducer, from);
}

export const phoneCallIn = (sessionId: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'phone',
  sessionId,
  timeout: 30,
  calleePhoneNumber: '4001234567',
  callerPhoneNumber: '13800138000',
  callerLocation: 'Shenzhen',
  ivrPath: [{ key: '1', label: 'Sales' }],
  ...extra,
});

/** Flush pending promise callbacks. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
