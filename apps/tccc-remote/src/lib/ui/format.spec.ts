import { lifecycleLabel, waitingForLineText } from './format';

describe('lifecycleLabel', () => {
  it('says the desk is waiting for a line, with about how long, while the token API queues the login', () => {
    expect(lifecycleLabel({ status: 'authenticating', waitingForLineSeconds: 12 })).toBe('Waiting for a line to the contact center (about 12 s)');
    expect(waitingForLineText(0.2)).toBe('Waiting for a line to the contact center (about 1 s)');
    expect(lifecycleLabel({ status: 'authenticating' })).toBe('Signing in…');
  });
});
