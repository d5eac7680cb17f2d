import { FakeDesk } from '../../testing/fake-desk';
import { createTabDesk } from '@tccc-desk/desk-core';
import { PAGE_DESK_KEY } from '../desk/page-desk';
import { mount } from './mount';

jest.mock('@tccc-desk/desk-core', () => ({ ...jest.requireActual('@tccc-desk/desk-core'), createTabDesk: jest.fn() }));

describe('mount()', () => {
  let desk: FakeDesk;

  beforeEach(() => {
    delete (globalThis as Record<symbol, unknown>)[PAGE_DESK_KEY];
    desk = new FakeDesk();
    (createTabDesk as jest.Mock).mockReturnValue(desk);
  });

  it('renders the page desk into an element and unmounts without destroying the desk', async () => {
    const element = document.createElement('div');
    document.body.appendChild(element);

    const unmount = mount(element, { getAccessToken: () => 'token', showDiagnostics: false });
    await unmount.ready;

    expect(element.querySelector('tccc-desk [data-testid="desk-status"]')?.getAttribute('data-status')).toBe('ready');
    expect(element.querySelector('[data-testid="event-log"]')).toBeNull();

    unmount();
    expect(element.querySelector('tccc-desk')).toBeNull();
    expect(desk.destroy).not.toHaveBeenCalled();

    // The next mount gets the same desk.
    const again = mount(element);
    await again.ready;
    expect(createTabDesk).toHaveBeenCalledTimes(1);
    again();
    element.remove();
  });

  it('does not start when unmounted before Angular is up', async () => {
    const element = document.createElement('div');
    const unmount = mount(element);
    unmount();
    await unmount.ready;
    expect(element.children).toHaveLength(0);
  });

  it('refuses something that is not an element', () => {
    expect(() => mount(null as unknown as HTMLElement)).toThrow(TypeError);
  });
});
