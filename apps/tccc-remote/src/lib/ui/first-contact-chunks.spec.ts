import { warmFirstContactChunks } from './first-contact-chunks';

const now = (run: () => void) => run();

describe('warmFirstContactChunks', () => {
  it('loads once and stops', async () => {
    const load = jest.fn(async () => undefined);
    await expect(warmFirstContactChunks(new AbortController().signal, load, [0, 0, 0], now)).resolves.toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed fetch, and gives up after the last wait', async () => {
    let failures = 2;
    const flaky = jest.fn(async () => {
      if (failures-- > 0) throw new Error('offline');
    });
    await expect(warmFirstContactChunks(new AbortController().signal, flaky, [0, 1, 1, 1], now)).resolves.toBe(true);
    expect(flaky).toHaveBeenCalledTimes(3);

    const down = jest.fn(async () => Promise.reject(new Error('gone')));
    await expect(warmFirstContactChunks(new AbortController().signal, down, [0, 1], now)).resolves.toBe(false);
    expect(down).toHaveBeenCalledTimes(2);
  });

  it('does nothing once the desk is destroyed', async () => {
    const controller = new AbortController();
    controller.abort();
    const load = jest.fn(async () => undefined);
    await expect(warmFirstContactChunks(controller.signal, load, [0], now)).resolves.toBe(false);
    expect(load).not.toHaveBeenCalled();
  });
});
