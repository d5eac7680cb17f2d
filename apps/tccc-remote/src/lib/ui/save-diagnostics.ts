import type { Desk } from '@tccc-desk/desk-core';

/**
 * "Download diagnostics": the desk's masked diagnostics document as a JSON file, for support.
 * Its own chunk, imported on the button's first click.
 */
export async function saveDiagnostics(desk: Desk): Promise<void> {
  const document = await desk.diagnostics();
  const blob = new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = globalThis.document.createElement('a');
  link.href = url;
  link.download = `tccc-desk-diagnostics-${document.generatedAt.replace(/[:.]/g, '-')}.json`;
  link.click();
  // Let the download start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
