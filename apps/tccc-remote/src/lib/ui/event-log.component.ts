import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { DeskEvent } from '@tccc-desk/desk-core';
import { DeskI18n } from '../i18n/desk-i18n';

/**
 * For integrators: the SDK events as the desk received them, newest first. The body of the desk's
 * "Event log" disclosure, made (and its chunk fetched) when that is first opened.
 */
@Component({
  selector: 'tccc-event-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="log">
      @for (event of events(); track $index) {
        <li data-testid="event-log-entry" [attr.data-event]="event.name">
          <time>{{ time(event.at) }}</time> <b>{{ event.name }}</b>
          <code>{{ payload(event) }}</code>
        </li>
      } @empty {
        <li class="empty">{{ t('eventLog.empty') }}</li>
      }
    </ol>
  `,
  styles: `
    .log { list-style: none; margin: 4px 0 0; padding: 0; max-height: 180px; overflow: auto; font-size: 11px; }
    .log li { padding: 2px 0; border-bottom: 1px dotted var(--tccc-border); word-break: break-all; }
    time { color: var(--tccc-muted); }
    code { display: block; color: var(--tccc-muted); }
    .empty { color: var(--tccc-muted); }
  `,
})
export class EventLogComponent {
  readonly events = input.required<readonly DeskEvent[]>();
  private readonly i18n = inject(DeskI18n);
  readonly t = this.i18n.t;

  time(at: number): string {
    return this.i18n.time(at);
  }

  payload(event: DeskEvent): string {
    return event.payload === undefined ? '' : JSON.stringify(event.payload).slice(0, 300);
  }
}
