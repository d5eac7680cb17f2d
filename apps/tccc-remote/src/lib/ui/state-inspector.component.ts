import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { DeskState } from '@tccc-desk/desk-core';
import { DeskI18n } from '../i18n/desk-i18n';

/**
 * For integrators: the desk's whole state, as desk-core's store holds it (raw payloads left out).
 * The body of the desk's "State inspector" disclosure, made when that is first opened.
 */
@Component({
  selector: 'tccc-state-inspector',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
<pre data-testid="state-json">{{ json() }}</pre>
  `,
  styles: `pre { margin: 4px 0 0; max-height: 220px; overflow: auto; font-size: 11px; background: var(--tccc-chip); padding: 6px; }`,
})
export class StateInspectorComponent {
  readonly state = input<DeskState | undefined>();
  readonly t = inject(DeskI18n).t;

  readonly json = computed(() => {
    const state = this.state();
    if (!state) return this.t('state.none');
    return JSON.stringify(state, (key, value: unknown) => (key === 'raw' ? undefined : value), 2);
  });
}
