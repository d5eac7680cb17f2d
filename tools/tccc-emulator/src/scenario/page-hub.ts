// The pages that loaded the emulated SDK, and the SSE streams that push SDK events to them.
// A page is registered when its one-time script is served (it gets a random key: its credential
// for /sdk/rpc and /sdk/events). Events for a seat go to every page of that seat; while a page has
// no open stream (not yet connected, or reconnecting) they wait in a small outbox.
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { Clock } from '../clock';
import type { PushedEvent } from '../protocol/sdk-protocol';

const MAX_PAGES = 500;
const MAX_OUTBOX = 200;
const HEARTBEAT_MS = 15_000;

export interface Page {
  readonly key: string;
  readonly seatUserId: string;
  readonly createdAt: number;
  /** First time an event stream opened; undefined until then. */
  connectedAt?: number;
  readonly streams: Set<PassThrough>;
  outbox: PushedEvent[];
  seq: number;
}

export interface PageSummary {
  seatUserId: string;
  /** ms since the epoch (the emulator's clock). */
  connectedAt: number;
}

function frame(message: PushedEvent): string {
  return `id: ${message.seq}\ndata: ${JSON.stringify(message)}\n\n`;
}

export class PageHub {
  private readonly pages = new Map<string, Page>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly clock: Clock) {}

  register(seatUserId: string): Page {
    while (this.pages.size >= MAX_PAGES) {
      const oldest = this.pages.values().next().value as Page;
      this.drop(oldest);
    }
    const page: Page = { key: randomBytes(24).toString('base64url'), seatUserId, createdAt: this.clock(), streams: new Set(), outbox: [], seq: 0 };
    this.pages.set(page.key, page);
    return page;
  }

  byKey(key: string): Page | undefined {
    return this.pages.get(key);
  }

  /** Opens an event stream for the page: flushes its outbox, then receives live events. */
  open(page: Page): PassThrough {
    const stream = new PassThrough();
    page.connectedAt ??= this.clock();
    page.streams.add(stream);
    stream.write('retry: 1000\n\n');
    for (const message of page.outbox) stream.write(frame(message));
    page.outbox = [];
    stream.once('close', () => page.streams.delete(stream));
    this.startHeartbeat();
    return stream;
  }

  /** The client went away: forget the stream. */
  detach(page: Page, stream: PassThrough): void {
    page.streams.delete(stream);
    stream.end();
  }

  push(seatUserId: string, event: string, payload: unknown): void {
    for (const page of this.pages.values()) {
      if (page.seatUserId === seatUserId) this.pushToPage(page, event, payload);
    }
  }

  pushToPage(page: Page, event: string, payload: unknown): void {
    page.seq += 1;
    const message: PushedEvent = { seq: page.seq, event, payload };
    if (page.streams.size === 0) {
      page.outbox.push(message);
      if (page.outbox.length > MAX_OUTBOX) page.outbox.shift();
      return;
    }
    for (const stream of page.streams) stream.write(frame(message));
  }

  /** Pages with an open event stream, most recently connected last. */
  connected(): Page[] {
    return [...this.pages.values()]
      .filter((page) => page.streams.size > 0)
      .sort((a, b) => (a.connectedAt ?? 0) - (b.connectedAt ?? 0));
  }

  isSeatConnected(seatUserId: string): boolean {
    return this.connected().some((page) => page.seatUserId === seatUserId);
  }

  /** The seat a control request means when it names none: the most recently connected page's. */
  defaultSeat(): string | undefined {
    return this.connected().at(-1)?.seatUserId;
  }

  summaries(): PageSummary[] {
    return this.connected().map((page) => ({ seatUserId: page.seatUserId, connectedAt: page.connectedAt ?? page.createdAt }));
  }

  get size(): number {
    return this.pages.size;
  }

  /** Ends every stream and forgets every page (emulator close). */
  close(): void {
    for (const page of [...this.pages.values()]) this.drop(page);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private drop(page: Page): void {
    for (const stream of page.streams) stream.end();
    page.streams.clear();
    this.pages.delete(page.key);
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    // A comment line now and then keeps proxies from closing an idle stream.
    this.heartbeat = setInterval(() => {
      for (const page of this.pages.values()) for (const stream of page.streams) stream.write(': ping\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }
}
