import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import type { Desk } from '@tccc-desk/desk-core';

/** "Download diagnostics": the desk's masked diagnostics document as a JSON file, for support. */
@Component({
  selector: 'tccc-diagnostics-download',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="row">
      <button type="button" data-testid="diagnostics-download" [disabled]="busy()" (click)="download()">Download diagnostics</button>
      @if (problem()) { <span class="problem" role="alert" data-testid="diagnostics-problem">{{ problem() }}</span> }
    </div>
  `,
  styles: `
    .row { display: flex; gap: 8px; align-items: center; }
    .problem { color: var(--tccc-danger); }
  `,
})
export class DiagnosticsDownloadComponent {
  readonly desk = input.required<Desk>();
  readonly busy = signal(false);
  readonly problem = signal<string | null>(null);

  async download(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      const document = await this.desk().diagnostics();
      const blob = new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = globalThis.document.createElement('a');
      link.href = url;
      link.download = `tccc-desk-diagnostics-${document.generatedAt.replace(/[:.]/g, '-')}.json`;
      link.click();
      // Let the download start before the URL goes.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.problem.set(`Diagnostics could not be made: ${error instanceof Error ? error.message : 'unknown error'}`);
    } finally {
      this.busy.set(false);
    }
  }
}
