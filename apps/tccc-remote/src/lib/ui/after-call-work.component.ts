import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** Shown while the agent is in after-call work (`arrange`): finishing it makes them available. */
@Component({
  selector: 'tccc-after-call-work',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="acw" data-testid="acw" role="status">
      <span>After-call work: wrap up, then finish to take calls again.</span>
      <button type="button" data-testid="acw-finish" [disabled]="disabled()" (click)="finish.emit()">Finish</button>
    </div>
  `,
  styles: `
    .acw { display: flex; align-items: center; gap: 8px; padding: 8px; border-radius: 6px; background: var(--tccc-acw-bg); }
    span { flex: 1; }
  `,
})
export class AfterCallWorkComponent {
  readonly disabled = input(false);
  readonly finish = output<void>();
}
