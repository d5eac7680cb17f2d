import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { DeskI18n } from '../i18n/desk-i18n';

/**
 * Shown while the agent is in after-call work (`arrange`): notes for the call log, and finishing
 * makes them available. The notes go into the contact's CallLog (desk.callLogs.setNotes).
 */
@Component({
  selector: 'tccc-after-call-work',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="acw" data-testid="acw" role="status">
      <span>{{ t('acw.text') }}</span>
      <label class="visually-hidden" for="tccc-acw-notes">{{ t('acw.notes') }}</label>
      <textarea
        id="tccc-acw-notes"
        data-testid="acw-notes"
        rows="2"
        maxlength="4000"
        [placeholder]="t('acw.notes')"
        [value]="notes()"
        (input)="notes.set($any($event.target).value)"
      ></textarea>
      <button type="button" data-testid="acw-finish" [disabled]="disabled()" (click)="finish.emit(notes().trim())">{{ t('acw.finish') }}</button>
    </div>
  `,
  styles: `
    .acw { display: grid; grid-template-columns: 1fr auto; align-items: center; gap: 8px; padding: 8px; border-radius: 6px; background: var(--tccc-acw-bg); }
    span { grid-column: 1 / -1; }
    textarea { font: inherit; padding: 4px 6px; border: 1px solid var(--tccc-border); border-radius: 6px; resize: vertical; }
  `,
})
export class AfterCallWorkComponent {
  readonly disabled = input(false);
  /** The notes typed, trimmed ('' if none). */
  readonly finish = output<string>();
  readonly notes = signal('');
  readonly t = inject(DeskI18n).t;
}
