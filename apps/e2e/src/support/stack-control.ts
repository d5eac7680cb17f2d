/** Stops or starts one service of the run's stack (global-setup.mjs's control endpoint). */
async function control(service: string, action: 'start' | 'stop'): Promise<void> {
  const base = process.env['E2E_STACK_CONTROL'];
  if (!base) throw new Error('E2E_STACK_CONTROL is not set: run the suite through its jest config (global setup).');
  const response = await fetch(`${base}/services/${service}/${action}`, { method: 'POST' });
  if (!response.ok) throw new Error(`${action} ${service} failed: ${response.status} ${await response.text()}`);
}

export const stopService = (service: string) => control(service, 'stop');
export const startService = (service: string) => control(service, 'start');
