import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, output } from '@angular/core';
import { DeskI18n } from '../i18n/desk-i18n';
import type { MessageKey } from '../i18n/messages';
import type { ShortcutAction } from './shortcuts';

export interface ShortcutHelpRow {
  readonly action: ShortcutAction;
  readonly label: MessageKey;
  /** The key's label, or null when that shortcut is off. */
  readonly key: string | null;
}

/** The shortcut help panel (`?`): its own chunk, fetched when it is first opened. Focused when shown. */
@Component({
  selector: 'tccc-shortcut-help',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="help" id="tccc-shortcut-help" data-testid="shortcut-panel" tabindex="-1" aria-labelledby="tccc-shortcut-help-title">
      <h3 id="tccc-shortcut-help-title">{{ t('shortcuts.title') }}</h3>
      <p class="hint">{{ t('shortcuts.scope') }}</p>
      <dl>
        @for (row of rows(); track row.action) {
          <div [attr.data-testid]="'shortcut-' + row.action"><dt>{{ t(row.label) }}</dt><dd>
            @if (row.key) { <kbd>{{ row.key }}</kbd> } @else { {{ t('shortcuts.none') }} }
          </dd></div>
        }
      </dl>
      <button type="button" data-testid="shortcut-help-close" (click)="closed.emit()">{{ t('shortcuts.close') }}</button>
    </section>
  `,
  styles: `
    .help { border: 1px solid var(--tccc-border); border-radius: 6px; padding: 8px; display: grid; gap: 6px; }
    .help h3 { margin: 0; font-size: 13px; }
    .help .hint { margin: 0; color: var(--tccc-muted); font-size: 11px; }
    .help dl { margin: 0; display: grid; gap: 2px; }
    .help dl div { display: flex; justify-content: space-between; gap: 8px; }
    .help dd { margin: 0; }
  `,
})
export class ShortcutHelpComponent {
  readonly rows = input.required<readonly ShortcutHelpRow[]>();
  readonly closed = output<void>();
  readonly t = inject(DeskI18n).t;

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef);
    afterNextRender(() => host.nativeElement.querySelector<HTMLElement>('[data-testid="shortcut-panel"]')?.focus());
  }
}
