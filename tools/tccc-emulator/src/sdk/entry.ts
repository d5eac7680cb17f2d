// Browser entry of the emulated TCCC SDK, bundled by esbuild (iife, es2020) when the emulator
// starts. It puts the documented `tccc` global on the page and fires `ready` shortly after, so the
// page's `load` handler (where integrators attach `tccc.on(tccc.events.ready, …)`) runs first.
import { createEventBus } from './event-bus';
import { TCCC_EVENTS } from './events';
import { PAGE_CONFIG_GLOBAL, type EmulatorPageConfig } from './page-config';

// A plain record for now: the full SDK (Call, Agent, …) will be typed against TcccGlobal from libs/tccc-sdk.
const page = window as unknown as Record<string, unknown>;
const config = page[PAGE_CONFIG_GLOBAL] as EmulatorPageConfig | undefined;

const bus = createEventBus((error) => console.error('[tccc emulator] listener failed', error));

page.tccc = {
  events: TCCC_EVENTS,
  on: bus.on,
  off: bus.off,
};

setTimeout(() => bus.emit(TCCC_EVENTS.ready, {}), config?.readyDelayMs ?? 50);
