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
      <select
        id="tccc-agent-status"
        data-testid="agent-status-select"
        [disabled]="disabled()"
        [value]="selected()"
        (change)="choose($any($event.target).value)"
      >
        <option value="free">Available</option>
        <option value="rest">On a break</option>
        <option value="notReady">Not ready</option>
        <option value="offline">Offline</option>
        @if (platformOnly()) {
          <option [value]="platformOnly()" disabled>{{ label() }}</option>
        }
      </select>
      <span class="badge" data-testid="agent-status" [attr.data-status]="agent().online ? agent().status : 'offline'">{{
        label()
      }}</span>
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

  readonly label = computed(() => agentStatusLabel(this.agent()));
  readonly selected = computed(() => {
    const agent = this.agent();
    if (!agent.online) return 'offline';
    return agent.status;
  });
  /** A status the agent cannot pick but the platform reports (busy, after-call work…). */
  readonly platformOnly = computed(() => {
    const selected = this.selected();
    return ['free', 'rest', 'notReady', 'offline'].includes(selected) ? null : selected;
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
