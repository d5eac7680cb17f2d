import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';

/**
 * Shown while the agent is in after-call work (`arrange`): notes for the call log, and finishing
 * makes them available. The notes go into the contact's CallLog (desk.callLogs.setNotes).
 */
@Component({
  selector: 'tccc-after-call-work',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="acw" data-testid="acw" role="status">
      <span>After-call work: wrap up, then finish to take calls again.</span>
      <label class="visually-hidden" for="tccc-acw-notes">Notes for the call log</label>
      <textarea
        id="tccc-acw-notes"
        data-testid="acw-notes"
        rows="2"
        maxlength="4000"
        placeholder="Notes for the call log"
        [value]="notes()"
        (input)="notes.set($any($event.target).value)"
      ></textarea>
      <button type="button" data-testid="acw-finish" [disabled]="disabled()" (click)="finish.emit(notes().trim())">Finish</button>
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
}
