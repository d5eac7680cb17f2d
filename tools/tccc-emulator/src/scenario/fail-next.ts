// POST /control/sdk/fail-next: the next call of a method resolves { status: 'error', errorMsg }.
// Several rules for one method queue up, each used once.
import { type SdkRpcMethod } from '../protocol/sdk-protocol';

const MAX_PER_METHOD = 100;

export class FailNextRules {
  private readonly rules = new Map<SdkRpcMethod, string[]>();

  add(method: SdkRpcMethod, message: string): void {
    const queue = this.rules.get(method) ?? [];
    if (queue.length >= MAX_PER_METHOD) queue.shift();
    queue.push(message);
    this.rules.set(method, queue);
  }

  /** The message for this call, if a rule is waiting; uses it up. */
  take(method: SdkRpcMethod): string | undefined {
    const queue = this.rules.get(method);
    const message = queue?.shift();
    if (queue && queue.length === 0) this.rules.delete(method);
    return message;
  }

  pending(): Record<string, number> {
    return Object.fromEntries([...this.rules].map(([method, queue]) => [method, queue.length]));
  }

  clear(): void {
    this.rules.clear();
  }
}
