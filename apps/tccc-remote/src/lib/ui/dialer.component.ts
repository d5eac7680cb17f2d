import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { DeskI18n } from '../i18n/desk-i18n';

/** Digits, with an optional leading +, and the separators people type (spaces, dashes, dots, brackets). */
const DIALABLE = /^\+?[0-9][0-9 ().-]{1,30}$/;

export function normalizeNumber(raw: string): string {
  return raw.replace(/[ ().-]/g, '');
}

@Component({
  selector: 'tccc-dialer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="dialer" (submit)="$event.preventDefault(); dial()">
      <label for="tccc-dial-input" class="visually-hidden">{{ t('dialer.label') }}</label>
      <input
        id="tccc-dial-input"
        data-testid="dial-input"
        type="tel"
        inputmode="tel"
        autocomplete="off"
        [placeholder]="t('dialer.label')"
        [disabled]="disabled()"
        [value]="number()"
        (input)="number.set($any($event.target).value)"
        [attr.aria-invalid]="invalid()"
      />
      <button type="submit" data-testid="dial-button" [disabled]="disabled() || !valid()">{{ t('dialer.call') }}</button>
    </form>
    @if (invalid()) {
      <p class="hint" data-testid="dial-hint">{{ t('dialer.hint') }}</p>
    }
  `,
  styles: `
    .dialer { display: flex; gap: 6px; }
    input { flex: 1; min-width: 0; }
    .hint { margin: 4px 0 0; color: var(--tccc-danger); font-size: 11px; }
  `,
})
export class DialerComponent {
  readonly disabled = input(false);
  readonly dialNumber = output<string>();
  readonly number = signal('');
  readonly t = inject(DeskI18n).t;

  readonly valid = computed(() => DIALABLE.test(this.number().trim()));
  readonly invalid = computed(() => this.number().trim() !== '' && !this.valid());

  dial(): void {
    if (this.disabled() || !this.valid()) return;
    this.dialNumber.emit(normalizeNumber(this.number().trim()));
    this.number.set('');
  }
}
