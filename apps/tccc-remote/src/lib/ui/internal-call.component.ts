import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { DeskI18n } from '../i18n/desk-i18n';

/** Calling a colleague (an internal call, `tccc.Call.startInternalCall`) by their agent account. */
@Component({
  selector: 'tccc-internal-call',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- A visible label: in a narrow panel (a CRM's side column) a long placeholder is cut off. -->
    <form class="internal" (submit)="$event.preventDefault(); call()">
      <label for="tccc-internal-input" class="caption">{{ t('internal.label') }}</label>
      <div class="row">
        <input
          id="tccc-internal-input"
          data-testid="internal-input"
          autocomplete="off"
          [placeholder]="t('internal.placeholder')"
          [disabled]="disabled()"
          [value]="callee()"
          (input)="callee.set($any($event.target).value)"
        />
        <button type="submit" data-testid="internal-button" [disabled]="disabled() || !valid()">{{ t('internal.call') }}</button>
      </div>
    </form>
  `,
  styles: `
    .internal { display: grid; gap: 2px; }
    .caption { font-size: 11px; color: var(--tccc-muted); }
    .row { display: flex; gap: 6px; }
    input { flex: 1; min-width: 0; }
  `,
})
export class InternalCallComponent {
  readonly disabled = input(false);
  readonly callAgent = output<string>();
  readonly callee = signal('');
  readonly t = inject(DeskI18n).t;

  readonly valid = computed(() => {
    const callee = this.callee().trim();
    return callee.length > 0 && callee.length <= 128;
  });

  call(): void {
    if (this.disabled() || !this.valid()) return;
    this.callAgent.emit(this.callee().trim());
    this.callee.set('');
  }
}
