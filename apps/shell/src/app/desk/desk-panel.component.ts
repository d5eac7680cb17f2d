import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NgComponentOutlet } from '@angular/common';
import { CrmI18n } from '../i18n/crm-i18n.service';
import { DeskService } from './desk.service';

/** The remote's `<tccc-desk>`, loaded at runtime; re-created for each desk (sign-in). */
@Component({
  selector: 'crm-desk-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgComponentOutlet],
  template: `
    <aside class="panel" [attr.aria-label]="t('desk.panel')" data-testid="desk-panel">
      @if (desk.incompatible(); as message) {
        <p class="problem" data-testid="desk-panel-incompatible" role="status">{{ message }}</p>
      } @else if (desk.deskComponent(); as component) {
        @if (desk.desk(); as current) {
          @for (d of [current]; track d) {
            <ng-container *ngComponentOutlet="component" />
          }
        } @else {
          <p class="muted" data-testid="desk-panel-waiting" [attr.data-state]="desk.status().kind">{{ desk.status().text }}</p>
        }
      } @else if (desk.componentProblem()) {
        <p class="problem" data-testid="desk-panel-unavailable">{{ desk.componentProblem() }}</p>
      } @else if (desk.status().kind === 'unavailable') {
        <p class="problem" data-testid="desk-panel-unavailable">{{ desk.status().text }}</p>
      } @else {
        <p class="muted" data-testid="desk-panel-loading">{{ desk.status().text }}</p>
      }
    </aside>
  `,
  styles: `
    .panel { width: 340px; }
    .muted { color: #475569; }
    .problem { color: #b91c1c; }
  `,
})
export class DeskPanelComponent {
  protected readonly desk = inject(DeskService);
  readonly t = inject(CrmI18n).t;
}
