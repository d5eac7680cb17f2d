import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { AgentState } from '@tccc-desk/desk-core';
import { agentStatusLabel } from './format';

/** What the agent may choose; `busy` is only ever set by the platform. */
export type AgentChoice = 'free' | 'rest' | 'notReady' | 'offline';

export interface AgentStatusChange {
  status: AgentChoice;
  restReason?: string;
}

export const DEFAULT_REST_REASONS: readonly string[] = ['Break', 'Lunch', 'Meeting', 'Training'];

@Component({
  selector: 'tccc-agent-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="row">
      <label for="tccc-agent-status">Status</label>
      <!-- Every option is always there and marks itself selected: a select never shows blank
           (a platform-only status such as busy is a disabled option, not a missing one). -->
      <select
        id="tccc-agent-status"
        data-testid="agent-status-select"
        [disabled]="disabled()"
        (change)="choose($any($event.target).value)"
      >
        @for (option of options; track option.value) {
          @if (option.choosable || option.value === selected()) {
            <option [value]="option.value" [disabled]="!option.choosable" [selected]="option.value === selected()">{{ option.label }}</option>
          }
        }
      </select>
      <span class="badge" data-testid="agent-status" [attr.data-status]="agent().online ? agent().status : 'offline'"
        [attr.data-pending]="agent().pending?.status ?? null">{{ label() }}</span>
    </div>
    @if (selected() === 'rest') {
      <div class="row">
        <label for="tccc-rest-reason">Reason</label>
        <select
          id="tccc-rest-reason"
          data-testid="agent-rest-reason"
          [disabled]="disabled()"
          [value]="restReason()"
          (change)="chooseReason($any($event.target).value)"
        >
          @for (reason of restReasons(); track reason) {
            <option [value]="reason">{{ reason }}</option>
          }
        </select>
      </div>
    }
  `,
  styles: `
    :host { display: block; }
    .row { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
    label { min-width: 52px; color: var(--tccc-muted); }
    select { flex: 1; }
    .badge { font-size: 11px; padding: 2px 6px; border-radius: 10px; background: var(--tccc-chip); white-space: nowrap; }
  `,
})
export class AgentStatusComponent {
  readonly agent = input.required<AgentState>();
  readonly disabled = input(false);
  readonly restReasons = input<readonly string[]>(DEFAULT_REST_REASONS);
  readonly statusChange = output<AgentStatusChange>();

  private readonly chosenReason = signal<string | null>(null);

  /** The agent's choices, and the platform's own statuses (shown, not choosable). */
  readonly options: ReadonlyArray<{ value: string; label: string; choosable: boolean }> = [
    { value: 'free', label: 'Available', choosable: true },
    { value: 'rest', label: 'On a break', choosable: true },
    { value: 'notReady', label: 'Not ready', choosable: true },
    { value: 'offline', label: 'Offline', choosable: true },
    { value: 'busy', label: 'Busy', choosable: false },
    { value: 'arrange', label: 'After-call work', choosable: false },
    { value: 'unknown', label: 'Signed in', choosable: false },
  ];

  readonly label = computed(() => agentStatusLabel(this.agent()));
  readonly selected = computed(() => {
    const agent = this.agent();
    if (!agent.online) return 'offline';
    return agent.status;
  });
  readonly restReason = computed(
    () => this.chosenReason() ?? this.agent().restReason ?? this.restReasons()[0] ?? '',
  );

  choose(status: string): void {
    if (status === 'rest') this.statusChange.emit({ status: 'rest', restReason: this.restReason() });
    else if (status === 'free' || status === 'notReady' || status === 'offline') this.statusChange.emit({ status });
  }

  chooseReason(reason: string): void {
    this.chosenReason.set(reason);
    this.statusChange.emit({ status: 'rest', restReason: reason });
  }
}
