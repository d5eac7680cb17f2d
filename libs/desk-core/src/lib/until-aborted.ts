/**
 * `work`, or a rejection as soon as `signal` aborts. Unlike `Promise.race([work, neverUntilDestroy])`
 * it lets go of `work` (and what it resolved with) once either settles: the abort listener is
 * removed, so a long shift of commands leaves nothing behind.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal, reason: () => Error): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined); // the caller no longer waits for it
    return Promise.reject(reason());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
