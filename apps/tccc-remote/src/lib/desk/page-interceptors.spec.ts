import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { createTabDesk, type TabDeskOptions } from '@tccc-desk/desk-core';
import { provideDesk } from '../angular/provide-desk';
import { FakeDesk } from '../../testing/fake-desk';
import { PAGE_DESK_KEY, getDesk, interceptPageDesk } from './page-desk';

jest.mock('@tccc-desk/desk-core', () => ({ ...jest.requireActual('@tccc-desk/desk-core'), createTabDesk: jest.fn() }));

const createDeskMock = createTabDesk as jest.MockedFunction<typeof createTabDesk>;
const REGISTRY = Symbol.for('tccc-desk.remote.page-interceptors');

describe('page interceptors (interceptPageDesk, provideDesk({ interceptors }))', () => {
  let created: Array<{ desk: FakeDesk; options: TabDeskOptions }>;

  beforeEach(() => {
    delete (globalThis as Record<symbol, unknown>)[PAGE_DESK_KEY];
    delete (globalThis as Record<symbol, unknown>)[REGISTRY];
    created = [];
    createDeskMock.mockImplementation((options) => {
      const desk = new FakeDesk();
      created.push({ desk, options });
      return desk;
    });
  });

  const before = () => ({ block: 'do not call' });

  it('applies to the page desk now and to the desk created after a sign-out', () => {
    const first = getDesk({ getAccessToken: () => 'a' }) as FakeDesk;
    interceptPageDesk({ command: 'call.dial', before });
    expect(first.intercept).toHaveBeenCalledWith('call.dial', { before });
    first.destroy();
    const second = getDesk() as FakeDesk;
    expect(second).not.toBe(first);
    expect(second.intercept).toHaveBeenCalledWith('call.dial', { before });
  });

  it('registered before any desk exists: applied when the desk is created', () => {
    interceptPageDesk({ command: 'call.dial', before });
    expect(created).toHaveLength(0);
    const desk = getDesk({ getAccessToken: () => 'a' }) as FakeDesk;
    expect(desk.intercept).toHaveBeenCalledTimes(1);
  });

  it('unregistering removes it from the desk and from later desks', () => {
    const desk = getDesk({ getAccessToken: () => 'a' }) as FakeDesk;
    const removeFromDesk = jest.fn();
    desk.intercept.mockReturnValueOnce(removeFromDesk);
    const stop = interceptPageDesk({ command: 'call.dial', before });
    stop();
    expect(removeFromDesk).toHaveBeenCalledTimes(1);
    desk.destroy();
    expect((getDesk() as FakeDesk).intercept).not.toHaveBeenCalled();
  });

  it('a bad interception throws and is not kept', () => {
    const desk = getDesk({ getAccessToken: () => 'a' }) as FakeDesk;
    desk.intercept.mockImplementationOnce(() => {
      throw new Error('command: must be one of the desk commands');
    });
    expect(() => interceptPageDesk({ command: 'call.fly' as never, before })).toThrow('command');
    desk.destroy();
    expect((getDesk() as FakeDesk).intercept).not.toHaveBeenCalled();
    expect(() => interceptPageDesk(null as never)).toThrow(TypeError);
  });

  it('provideDesk registers its interceptors once, with the login options', () => {
    const providers = provideDesk({ getAccessToken: () => 'token', interceptors: [{ command: 'call.dial', before }] });
    // Two injectors with the same providers (an app and a lazy route): registered once.
    createEnvironmentInjector([providers], TestBed.inject(EnvironmentInjector));
    createEnvironmentInjector([providers], TestBed.inject(EnvironmentInjector));
    expect(created).toHaveLength(1);
    expect(created[0]!.desk.intercept).toHaveBeenCalledTimes(1);
    expect(created[0]!.desk.intercept).toHaveBeenCalledWith('call.dial', { before });
  });
});
