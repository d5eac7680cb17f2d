/**
 * Which DOM the SDK added, so teardown can remove it (the SDK documents no destroy). Two sources:
 * elements marked `data-tccc-sdk-root` (the emulator marks its workbench), and direct children of
 * <body> that appeared while observed (covers the real SDK, whose root id is not documented).
 */
export const SDK_ROOT_ATTRIBUTE = 'data-tccc-sdk-root';

export interface SdkDomTracker {
  /** Stop observing; what was seen so far is kept for `removeAll`. */
  stop(): void;
  /** Remove every tracked element and every marked root, and stop observing. */
  removeAll(): void;
}

export function trackSdkDom(doc: Document, ignore: Node): SdkDomTracker {
  const root = doc.body ?? doc.documentElement;
  const seen = new Set<Element>();
  const collect = (records: MutationRecord[]): void => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node !== ignore && node.nodeType === 1) seen.add(node as Element);
      }
    }
  };
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  let observer: MutationObserver | null = Observer ? new Observer(collect) : null;
  observer?.observe(root, { childList: true });

  const stop = (): void => {
    if (!observer) return;
    collect(observer.takeRecords()); // records not yet delivered still count
    observer.disconnect();
    observer = null;
  };
  return {
    stop,
    removeAll() {
      stop();
      for (const element of seen) element.remove();
      seen.clear();
      for (const element of doc.querySelectorAll(`[${SDK_ROOT_ATTRIBUTE}]`)) element.remove();
    },
  };
}
