// The guide's injection: `<script crossorigin="anonymous" src=SdkURL>` appended to the body.

export interface ScriptHandlers {
  load(): void;
  error(): void;
}

export interface InjectedScript {
  readonly element: HTMLScriptElement;
  /** Stop reporting load/error. */
  stopListening(): void;
  /** Stop listening and take the script out of the page for good. */
  remove(): void;
}

export function injectScript(doc: Document, src: string, handlers: ScriptHandlers): InjectedScript {
  const element = doc.createElement('script');
  element.setAttribute('crossorigin', 'anonymous');
  element.src = src;
  const onLoad = (): void => handlers.load();
  const onError = (): void => handlers.error();
  element.addEventListener('load', onLoad);
  element.addEventListener('error', onError);
  (doc.body ?? doc.documentElement).appendChild(element);

  const stopListening = (): void => {
    element.removeEventListener('load', onLoad);
    element.removeEventListener('error', onError);
  };
  return {
    element,
    stopListening,
    remove() {
      stopListening();
      // Moving the element into an inert document (rather than only detaching it) also stops a
      // script still in flight from running later: browsers skip a script whose document changed
      // since it was prepared (HTML "execute the script element", step 2). A timed-out SdkURL
      // that arrives late must not start a second SDK next to a fresh one.
      const inert = doc.implementation.createHTMLDocument('');
      inert.adoptNode(element);
    },
  };
}
