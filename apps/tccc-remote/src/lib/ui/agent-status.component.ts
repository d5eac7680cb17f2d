import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { AgentState } from '@tccc-desk/desk-core';
import { DeskI18n } from '../i18n/desk-i18n';
import type { MessageKey } from '../i18n/messages';
import { agentStatusLabel, restReasonLabel } from './format';

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
      <label for="tccc-agent-status">{{ t('agentStatus.label') }}</label>
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
            <option [value]="option.value" [disabled]="!option.choosable" [selected]="option.value === selected()">{{ t(option.label) }}</option>
          }
        }
      </select>
      <span class="badge" data-testid="agent-status" [attr.data-status]="agent().online ? agent().status : 'offline'"
        [attr.data-pending]="agent().pending?.status ?? null">{{ label() }}</span>
    </div>
    @if (selected() === 'rest') {
      <div class="row">
        <label for="tccc-rest-reason">{{ t('agentStatus.reason') }}</label>
        <select
          id="tccc-rest-reason"
          data-testid="agent-rest-reason"
          [disabled]="disabled()"
          [value]="restReason()"
          (change)="chooseReason($any($event.target).value)"
        >
          @for (reason of restReasons(); track reason) {
            <option [value]="reason" [selected]="reason === restReason()">{{ reasonLabel(reason) }}</option>
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
  readonly t = inject(DeskI18n).t;

  /** The agent's choices, and the platform's own statuses (shown, not choosable). */
  readonly options: ReadonlyArray<{ value: string; label: MessageKey; choosable: boolean }> = [
    { value: 'free', label: 'agent.free', choosable: true },
    { value: 'rest', label: 'agent.rest', choosable: true },
    { value: 'notReady', label: 'agent.notReady', choosable: true },
    { value: 'offline', label: 'agent.offline', choosable: true },
    { value: 'busy', label: 'agent.busy', choosable: false },
    { value: 'arrange', label: 'agent.arrange', choosable: false },
    { value: 'unknown', label: 'agent.unknown', choosable: false },
  ];

  readonly label = computed(() => agentStatusLabel(this.t, this.agent()));
  readonly selected = computed(() => {
    const agent = this.agent();
    if (!agent.online) return 'offline';
    return agent.status;
  });
  readonly restReason = computed(
    () => this.chosenReason() ?? this.agent().restReason ?? this.restReasons()[0] ?? '',
  );

  reasonLabel(reason: string): string {
    return restReasonLabel(this.t, reason);
  }

  choose(status: string): void {
    if (status === 'rest') this.statusChange.emit({ status: 'rest', restReason: this.restReason() });
    else if (status === 'free' || status === 'notReady' || status === 'offline') this.statusChange.emit({ status });
  }

  chooseReason(reason: string): void {
    this.chosenReason.set(reason);
    this.statusChange.emit({ status: 'rest', restReason: reason });
  }
}
