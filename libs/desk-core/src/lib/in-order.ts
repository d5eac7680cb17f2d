/**
 * `inOrder()`: what `observeOn(queueScheduler)` does for the store, without a scheduled action per
 * value. A value that arrives while the previous one is still being delivered (a subscriber that
 * dispatches from its callback) waits in a queue and goes out right after, so every subscriber
 * sees the values in order. Values that do not re-enter go straight through.
 */
import { Observable, type OperatorFunction } from 'rxjs';

export function inOrder<T>(): OperatorFunction<T, T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      const queue: T[] = [];
      let delivering = false;
      return source.subscribe({
        next(value) {
          if (delivering) {
            queue.push(value);
            return;
          }
          delivering = true;
          try {
            subscriber.next(value);
            while (queue.length > 0 && !subscriber.closed) subscriber.next(queue.shift() as T);
          } finally {
            delivering = false;
            queue.length = 0;
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}
