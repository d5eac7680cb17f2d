import { systemScheduler, TimerSet } from './scheduler';

describe('TimerSet', () => {
  it('runs a timer once, cancels one, and clear() cancels all', async () => {
    const timers = new TimerSet(systemScheduler);
    const ran: string[] = [];
    timers.after(5, () => ran.push('a'));
    const cancel = timers.after(5, () => ran.push('b'));
    cancel();
    timers.after(5, () => ran.push('c'));
    expect(timers.size).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(ran).toEqual(['a', 'c']);
    expect(timers.size).toBe(0);

    timers.after(5, () => ran.push('d'));
    timers.clear();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(ran).toEqual(['a', 'c']);
  });
});
