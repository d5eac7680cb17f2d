import { PageHub } from './page-hub';

describe('PageHub', () => {
  const clock = () => 1_700_000_000_000;

  it('keeps events for a page without a stream and flushes them, in order, when it connects', async () => {
    const hub = new PageHub(clock);
    const page = hub.register('alice@example.com');
    hub.push('alice@example.com', 'callIn', { sessionId: 's1' });
    hub.push('bob@example.com', 'callIn', { sessionId: 'other seat' });
    const stream = hub.open(page);
    hub.push('alice@example.com', 'userAccessed', { sessionId: 's1' });
    stream.end();
    const text = (await stream.toArray()).join('');
    expect(text.match(/"event":"\w+"/g)).toEqual(['"event":"callIn"', '"event":"userAccessed"']);
    expect(text).not.toContain('other seat');
    hub.close();
  });

  it('is bounded: at most 500 pages (oldest dropped) and 200 waiting events per page', () => {
    const hub = new PageHub(clock);
    const first = hub.register('alice@example.com');
    for (let i = 0; i < 600; i += 1) hub.register('bob@example.com');
    expect(hub.size).toBe(500);
    expect(hub.byKey(first.key)).toBeUndefined();
    const page = hub.register('carol@example.com');
    for (let i = 0; i < 300; i += 1) hub.push('carol@example.com', 'statusChanged', { status: 'free' });
    expect(page.outbox).toHaveLength(200);
    expect(page.outbox[0].seq).toBe(101);
    hub.close();
    expect(hub.size).toBe(0);
  });

  it('names the most recently connected seat as the default', () => {
    const hub = new PageHub(clock);
    expect(hub.defaultSeat()).toBeUndefined();
    hub.open(hub.register('alice@example.com'));
    hub.open(hub.register('bob@example.com'));
    expect(hub.defaultSeat()).toBe('bob@example.com');
    hub.close();
  });
});
