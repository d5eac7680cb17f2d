// Faults for the cloud API, queued by POST /control/faults. Each cloud request takes the first
// queued fault (one per request, in the order they were added); a fault with `count` is used that
// many times, one without stays until cleared.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

const count = z.number().int().positive().max(10_000).optional();

export const faultSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('latency'), latencyMs: z.number().int().min(0).max(120_000), count }),
  z.strictObject({ kind: z.literal('http500'), count }),
  z.strictObject({ kind: z.literal('reset'), count }),
  z.strictObject({
    kind: z.literal('tencentError'),
    code: z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/, 'a Tencent error code such as RequestLimitExceeded'),
    message: z.string().max(1000).optional(),
    count,
  }),
]);

export type FaultSpec = z.infer<typeof faultSpecSchema>;
export type Fault = FaultSpec & { id: string; /** Uses left; undefined = until cleared. */ remaining?: number };

export class FaultQueue {
  private faults: Fault[] = [];

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: randomUUID(), remaining: spec.count };
    this.faults.push(fault);
    return fault;
  }

  /** The fault for the next request, if any; uses it up when it has a count. */
  take(): Fault | undefined {
    const fault = this.faults[0];
    if (!fault) return undefined;
    if (fault.remaining !== undefined) {
      fault.remaining -= 1;
      if (fault.remaining === 0) this.faults.shift();
    }
    return { ...fault };
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }
}
