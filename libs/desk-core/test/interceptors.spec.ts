import { createDesk, isDeskError, type Desk, type DeskErrorInfo } from '../src/index';
import { createFakeLoader, createFakeLogin, createFakeSdk, type FakeSdk } from './fake-sdk';

async function readyDesk(): Promise<{ desk: Desk; sdk: FakeSdk; errors: DeskErrorInfo[] }> {
  const sdk = createFakeSdk();
  const desk = createDesk({ login: createFakeLogin(), loader: createFakeLoader(sdk), clock: () => 42 });
  const errors: DeskErrorInfo[] = [];
  desk.errors$.subscribe((e) => errors.push(e));
  await desk.connect();
  return { desk, sdk, errors };
}

async function rejection(promise: Promise<unknown>): Promise<DeskErrorInfo & Error> {
  try {
    await promise;
  } catch (error) {
    expect(isDeskError(error)).toBe(true);
    return error as DeskErrorInfo & Error;
  }
  throw new Error('expected a rejection');
}

const dials = (sdk: FakeSdk) => sdk.calls.filter((c) => c.method === 'Call.startOutboundCall');

describe('desk.intercept', () => {
  it('runs before and after interceptors in registration order, around the one SDK call', async () => {
    const { desk, sdk } = await readyDesk();
    const seen: string[] = [];
    desk.intercept('call.dial', {
      before: () => void seen.push(`before 1 (sdk calls: ${dials(sdk).length})`),
      after: () => void seen.push('after 1'),
    });
    desk.intercept('call.dial', { before: () => void seen.push('before 2'), after: () => void seen.push(`after 2 (sdk calls: ${dials(sdk).length})`) });
    await expect(desk.call.dial({ phoneNumber: '10086' })).resolves.toEqual(expect.objectContaining({ sessionId: 'out-1' }));
    expect(seen).toEqual(['before 1 (sdk calls: 0)', 'before 2', 'after 1', 'after 2 (sdk calls: 1)']);
  });

  it('blocks with a reason: command_blocked, the SDK never called, nothing on errors$', async () => {
    const { desk, sdk, errors } = await readyDesk();
    desk.intercept('call.dial', {
      before: ({ args: [options] }) => (options.phoneNumber === '13800138000' ? { block: 'the customer is on the do-not-call list' } : undefined),
    });
    const error = await rejection(desk.call.dial({ phoneNumber: '13800138000' }));
    expect(error.code).toBe('command_blocked');
    expect(error.message).toBe('call.dial was blocked: the customer is on the do-not-call list');
    expect(dials(sdk)).toHaveLength(0);
    expect(errors).toEqual([]);
    // Another number goes through.
    await desk.call.dial({ phoneNumber: '10086' });
    expect(dials(sdk)).toHaveLength(1);
  });

  it('a block stops later interceptors, and after interceptors see nothing', async () => {
    const { desk } = await readyDesk();
    const later = jest.fn();
    const after = jest.fn();
    desk.intercept('agent.setStatus', { before: () => ({ block: 'not during a campaign' }), after });
    desk.intercept('agent.setStatus', { before: later });
    await expect(rejection(desk.agent.setStatus({ status: 'rest', restReason: 'lunch' }))).resolves.toMatchObject({ code: 'command_blocked' });
    expect(later).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
  });

  it('changes the arguments: each before sees the previous one’s, the SDK gets the last, after sees them', async () => {
    const { desk, sdk } = await readyDesk();
    const after = jest.fn();
    desk.intercept('call.dial', { before: ({ args: [o] }) => ({ args: [{ ...o, phoneDesc: 'from the CRM' }] }) });
    desk.intercept('call.dial', { before: ({ args: [o] }) => ({ args: [{ ...o, uui: `desc=${o.phoneDesc}` }] }), after });
    await desk.call.dial({ phoneNumber: '10086' });
    expect(dials(sdk)[0]?.args[0]).toEqual({ phoneNumber: '10086', phoneDesc: 'from the CRM', uui: 'desc=from the CRM' });
    expect(after).toHaveBeenCalledWith(
      expect.objectContaining({ command: 'call.dial', ok: true, args: [{ phoneNumber: '10086', phoneDesc: 'from the CRM', uui: 'desc=from the CRM' }] }),
    );
  });

  it('changed arguments are validated like the caller’s', async () => {
    const { desk, sdk } = await readyDesk();
    desk.intercept('call.dial', { before: () => ({ args: [{ phoneNumber: 'not a number' }] }) });
    await expect(rejection(desk.call.dial({ phoneNumber: '10086' }))).resolves.toMatchObject({ code: 'invalid_argument', field: 'phoneNumber' });
    expect(dials(sdk)).toHaveLength(0);
  });

  it('malformed input is refused before any interceptor runs', async () => {
    const { desk } = await readyDesk();
    const before = jest.fn();
    desk.intercept('call.dial', { before });
    await expect(rejection(desk.call.dial({ phoneNumber: '12' }))).resolves.toMatchObject({ code: 'invalid_argument' });
    expect(before).not.toHaveBeenCalled();
  });

  it('an async before (a confirmation) is awaited', async () => {
    const { desk, sdk } = await readyDesk();
    let confirm!: (ok: boolean) => void;
    let asked!: () => void;
    const asking = new Promise<void>((resolve) => (asked = resolve));
    desk.intercept('call.dial', {
      before: () => {
        asked();
        return new Promise<{ block: string } | undefined>((resolve) => (confirm = (ok) => resolve(ok ? undefined : { block: 'cancelled' })));
      },
    });
    const dialing = desk.call.dial({ phoneNumber: '10086' });
    await asking; // after the commands' code is loaded (its first use)
    await Promise.resolve();
    expect(dials(sdk)).toHaveLength(0);
    confirm(true);
    await dialing;
    expect(dials(sdk)).toHaveLength(1);
  });

  it('a throwing before fails that command with interceptor_failed (reported), and the desk carries on', async () => {
    const { desk, sdk, errors } = await readyDesk();
    const stop = desk.intercept('call.dial', {
      before: () => {
        throw new Error('CRM lookup crashed');
      },
    });
    const error = await rejection(desk.call.dial({ phoneNumber: '10086' }));
    expect(error.code).toBe('interceptor_failed');
    expect(error.message).toContain('CRM lookup crashed');
    expect(dials(sdk)).toHaveLength(0);
    expect(errors.map((e) => e.code)).toEqual(['interceptor_failed']);
    // Other commands and, once removed, this one too, work as before.
    await desk.agent.online();
    stop();
    await desk.call.dial({ phoneNumber: '10086' });
    expect(dials(sdk)).toHaveLength(1);
  });

  it('a before answering something unusable fails the command the same way', async () => {
    const { desk, sdk } = await readyDesk();
    desk.intercept('call.dial', { before: () => ({ args: 'nope' }) as never });
    await expect(rejection(desk.call.dial({ phoneNumber: '10086' }))).resolves.toMatchObject({ code: 'interceptor_failed' });
    expect(dials(sdk)).toHaveLength(0);
  });

  it('a throwing after fails the command with interceptor_failed (saying it went through)', async () => {
    const { desk, sdk } = await readyDesk();
    desk.intercept('call.dial', {
      after: async () => {
        throw new Error('audit log down');
      },
    });
    const error = await rejection(desk.call.dial({ phoneNumber: '10086' }));
    expect(error.code).toBe('interceptor_failed');
    expect(error.message).toContain('the command itself went through');
    expect(dials(sdk)).toHaveLength(1);
  });

  it('after sees a failure as { ok: false, error } and the caller gets the command’s own error', async () => {
    const { desk, sdk } = await readyDesk();
    sdk.answer('Call.startOutboundCall', () => Promise.resolve({ status: 'error', errorMsg: 'no line' }));
    const after = jest.fn();
    desk.intercept('call.dial', { after });
    const error = await rejection(desk.call.dial({ phoneNumber: '10086' }));
    expect(error.code).toBe('sdk_error');
    expect(after).toHaveBeenCalledWith(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'sdk_error', message: 'no line' }) }));
  });

  it('unregistering removes only that interceptor, and twice is harmless', async () => {
    const { desk } = await readyDesk();
    const first = jest.fn();
    const second = jest.fn();
    const stopFirst = desk.intercept('ui.show', { before: first });
    desk.intercept('ui.show', { before: second });
    stopFirst();
    stopFirst();
    await desk.ui.show();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('interceptors are per command', async () => {
    const { desk } = await readyDesk();
    const before = jest.fn();
    desk.intercept('call.hangUp', { before });
    await desk.call.dial({ phoneNumber: '10086' });
    expect(before).not.toHaveBeenCalled();
  });

  it('validates its input', async () => {
    const { desk } = await readyDesk();
    expect(() => desk.intercept('call.fly' as never, { before: () => undefined })).toThrow(expect.objectContaining({ code: 'invalid_argument', field: 'command' }));
    expect(() => desk.intercept('call.dial', {} as never)).toThrow(expect.objectContaining({ field: 'interceptor' }));
    expect(() => desk.intercept('call.dial', { before: 'x' } as never)).toThrow(expect.objectContaining({ field: 'interceptor' }));
    expect(() => desk.intercept('call.dial', null as never)).toThrow(expect.objectContaining({ field: 'interceptor' }));
    desk.destroy();
    expect(() => desk.intercept('call.dial', { before: () => undefined })).toThrow(expect.objectContaining({ code: 'destroyed' }));
  });
});
