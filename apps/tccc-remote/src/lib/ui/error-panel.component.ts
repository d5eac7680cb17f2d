import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { DeskErrorInfo } from '@tccc-desk/desk-core';

@Component({
  selector: 'tccc-error-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="panel" role="alert" data-testid="desk-error" [attr.data-code]="error().code">
      <p class="title">The desk is unavailable</p>
      <p class="message" data-testid="desk-error-message">{{ error().message }}</p>
      <button type="button" data-testid="desk-retry" (click)="retry.emit()">
        {{ error().retryable ? 'Retry' : 'Try again' }}
      </button>
    </div>
  `,
  styles: `
    .panel { border: 1px solid var(--tccc-danger); background: var(--tccc-danger-bg); border-radius: 6px; padding: 10px; }
    .title { margin: 0 0 4px; font-weight: 600; color: var(--tccc-danger); }
    .message { margin: 0 0 8px; }
  `,
})
export class ErrorPanelComponent {
  readonly error = input.required<DeskErrorInfo>();
  readonly retry = output<void>();
}
