// `tccc.on` / `tccc.off` and the emulator's way of firing events. A throwing listener is reported
// and does not stop the others, as page code is not ours.
export type Listener = (payload: unknown) => void;

export interface EventBus {
  on(event: string, listener: Listener): void;
  /** Removes one listener, or every listener of the event when none is given. */
  off(event: string, listener?: Listener): void;
  emit(event: string, payload: unknown): void;
}

export function createEventBus(reportError: (error: unknown) => void): EventBus {
  const listeners = new Map<string, Set<Listener>>();
  return {
    on(event, listener) {
      if (typeof listener !== 'function') return;
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
    },
    off(event, listener) {
      if (listener) listeners.get(event)?.delete(listener);
      else listeners.delete(event);
    },
    emit(event, payload) {
      // Copy first: a listener may call on/off while we iterate.
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(payload);
        } catch (error) {
          reportError(error);
        }
      }
    },
  };
}
