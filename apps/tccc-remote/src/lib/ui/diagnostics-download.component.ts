import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import type { Desk } from '@tccc-desk/desk-core';
import { DeskI18n } from '../i18n/desk-i18n';

/** "Download diagnostics": the desk's masked diagnostics document as a JSON file, for support. */
@Component({
  selector: 'tccc-diagnostics-download',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="row">
      <button type="button" data-testid="diagnostics-download" [disabled]="busy()" (click)="download()">{{ t('diagnostics.download') }}</button>
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
  readonly t = inject(DeskI18n).t;

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
      this.problem.set(this.t('diagnostics.failed', { reason: error instanceof Error ? error.message : this.t('diagnostics.unknownReason') }));
    } finally {
      this.busy.set(false);
    }
  }
}
