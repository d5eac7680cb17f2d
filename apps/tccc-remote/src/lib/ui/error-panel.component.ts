import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { DeskErrorInfo } from '@tccc-desk/desk-core';
import { DeskI18n } from '../i18n/desk-i18n';
import { errorText } from './format';

@Component({
  selector: 'tccc-error-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="panel" role="alert" data-testid="desk-error" [attr.data-code]="error().code">
      <p class="title">{{ t('error.title') }}</p>
      <p class="message" data-testid="desk-error-message">
        {{ text().message }}
        @if (text().detail; as detail) { <span class="detail" data-testid="desk-error-detail" lang="en">{{ detail }}</span> }
      </p>
      <button type="button" data-testid="desk-retry" (click)="retry.emit()">
        {{ error().retryable ? t('error.retry') : t('error.tryAgain') }}
      </button>
    </div>
  `,
  styles: `
    .panel { border: 1px solid var(--tccc-danger); background: var(--tccc-danger-bg); border-radius: 6px; padding: 10px; }
    .title { margin: 0 0 4px; font-weight: 600; color: var(--tccc-danger); }
    .message { margin: 0 0 8px; }
    .detail { display: block; font-size: 11px; color: var(--tccc-muted); }
  `,
})
export class ErrorPanelComponent {
  readonly error = input.required<DeskErrorInfo>();
  readonly retry = output<void>();
  readonly t = inject(DeskI18n).t;
  readonly text = computed(() => errorText(this.t, this.error()));
}
