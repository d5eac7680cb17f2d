import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';

/** Calling a colleague (an internal call, `tccc.Call.startInternalCall`) by their agent account. */
@Component({
  selector: 'tccc-internal-call',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="internal" (submit)="$event.preventDefault(); call()">
      <label for="tccc-internal-input" class="visually-hidden">Colleague to call</label>
      <input
        id="tccc-internal-input"
        data-testid="internal-input"
        autocomplete="off"
        placeholder="Colleague (agent@example.com)"
        [disabled]="disabled()"
        [value]="callee()"
        (input)="callee.set($any($event.target).value)"
      />
      <button type="submit" data-testid="internal-button" [disabled]="disabled() || !valid()">Call agent</button>
    </form>
  `,
  styles: `
    .internal { display: flex; gap: 6px; }
    input { flex: 1; min-width: 0; }
  `,
})
export class InternalCallComponent {
  readonly disabled = input(false);
  readonly callAgent = output<string>();
  readonly callee = signal('');

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
