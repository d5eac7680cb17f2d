import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DeskState } from '@tccc-desk/desk-core';

/** For integrators: the desk's whole state, as desk-core's store holds it (raw payloads left out). */
@Component({
  selector: 'tccc-state-inspector',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details data-testid="state-inspector">
      <summary>State inspector</summary>
      <pre data-testid="state-json">{{ json() }}</pre>
    </details>
  `,
  styles: `pre { margin: 4px 0 0; max-height: 220px; overflow: auto; font-size: 11px; background: var(--tccc-chip); padding: 6px; }`,
})
export class StateInspectorComponent {
  readonly state = input<DeskState | undefined>();

  readonly json = computed(() => {
    const state = this.state();
    if (!state) return '(no state yet)';
    return JSON.stringify(state, (key, value: unknown) => (key === 'raw' ? undefined : value), 2);
  });
}
