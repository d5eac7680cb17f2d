// Stops what global-setup.mjs started (every service's process group).
export default async function globalTeardown() {
  const handle = globalThis.__E2E_STACK__;
  if (!handle) return;
  delete globalThis.__E2E_STACK__;
  handle.control.closeAllConnections();
  await new Promise((resolve) => handle.control.close(resolve));
  await handle.stack.stop();
}
