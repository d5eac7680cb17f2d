/**
 * The desk as the shell shows it: the page's desk (loaded by DeskRemoteService) turned into
 * signals and status text for the header, screen pop, history and click-to-dial, and the two
 * commands the shell itself sends. Every failure ends as `unavailable` with a reason and a retry.
 */
import { Injectable, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { AgentState, Desk, DeskSession, Lifecycle } from 'tccc_remote/desk';
import { of, switchMap, type Observable } from 'rxjs';
import { CrmI18n } from '../i18n/crm-i18n.service';
import { DeskRemoteService, type AccessTokenSource } from './desk-remote.service';

export type { AccessTokenSource } from './desk-remote.service';

export type DeskStatus =
  | { kind: 'signed-out'; text: string }
  | { kind: 'starting'; text: string }
  | { kind: 'ready'; text: string }
  | { kind: 'unavailable'; text: string; code?: string };

const IDLE: Lifecycle = { status: 'idle' };
const NO_AGENT: AgentState = { status: 'unknown', online: false };
const NONE: readonly DeskSession[] = [];

@Injectable({ providedIn: 'root' })
export class DeskService {
  private readonly remote = inject(DeskRemoteService);
  private readonly i18n = inject(CrmI18n);

  /** The page's desk, once loaded and signed in. */
  readonly desk = this.remote.desk;
  readonly deskComponent = this.remote.deskComponent.asReadonly();
  readonly componentProblem = this.remote.componentProblem.asReadonly();
  /** Why the deployed desk is not used (its contract major is not this shell's), or null. */
  readonly incompatible = computed(() => {
    const remote = this.remote.remote();
    return remote.kind === 'incompatible' ? this.i18n.t(remote.remoteIsNewer ? 'desk.incompatibleNewer' : 'desk.incompatibleOlder') : null;
  });

  // The desk's state streams replay synchronously (and `of` does): no copied initial values.
  private stream<T>(pick: (desk: Desk) => Observable<T>, none: T) {
    return toSignal(this.remote.desk$.pipe(switchMap((desk) => (desk ? pick(desk) : of(none)))), { requireSync: true });
  }

  readonly lifecycle = this.stream((desk) => desk.lifecycle$, IDLE);
  readonly agent = this.stream((desk) => desk.agent$, NO_AGENT);
  readonly sessions = this.stream((desk) => desk.sessions$, NONE);
  readonly history = this.stream((desk) => desk.history$, NONE);

  readonly ready = computed(() => this.lifecycle().status === 'ready');
  readonly liveCalls = computed(() => this.sessions().filter((s) => s.status === 'talking' || s.status === 'held'));

  readonly status = computed<DeskStatus>(() => {
    const { t } = this.i18n;
    const remote = this.remote.remote();
    // The remote's own problem text (from the federation runtime or its server) stays as it came.
    if (remote.kind === 'failed') return { kind: 'unavailable', text: remote.problem };
    if (remote.kind === 'incompatible') return { kind: 'unavailable', text: t(remote.remoteIsNewer ? 'desk.incompatibleNewer' : 'desk.incompatibleOlder'), code: 'incompatible_contract' };
    if (!this.remote.signedIn()) return { kind: 'signed-out', text: t('desk.signedOut') };
    if (remote.kind !== 'loaded') return { kind: 'starting', text: t('desk.loading') };
    const lifecycle = this.lifecycle();
    switch (lifecycle.status) {
      case 'ready':
        return { kind: 'ready', text: t('desk.connected') };
      case 'error':
        return { kind: 'unavailable', text: t('desk.unavailable', { reason: lifecycle.error.message }), code: lifecycle.error.code };
      case 'authenticating':
        if (lifecycle.waitingForLineSeconds !== undefined) {
          return { kind: 'starting', text: t('desk.waitingForLine', { seconds: Math.max(1, lifecycle.waitingForLineSeconds) }) };
        }
        if (lifecycle.retryingInSeconds !== undefined) {
          return { kind: 'starting', text: t('desk.retrying', { seconds: Math.max(1, lifecycle.retryingInSeconds) }) };
        }
        return { kind: 'starting', text: t('desk.signingIn') };
      default:
        return { kind: 'starting', text: t('desk.starting') };
    }
  });

  /** Load the remote (if not yet) and connect the desk for the signed-in person. */
  start(getAccessToken: AccessTokenSource): Promise<void> {
    return this.remote.start(getAccessToken);
  }

  stop(): void {
    this.remote.stop();
  }

  /** The header's retry: re-read the manifest, reload the remote, or log in again. */
  retry(): Promise<void> {
    return this.remote.retry();
  }

  /** Click-to-dial. Rejects with the desk's error (not ready, invalid number…). */
  async dial(phoneNumber: string): Promise<void> {
    const desk = this.desk();
    if (!desk) throw new Error('The desk is not available.');
    await desk.call.dial({ phoneNumber });
  }

  /** Accept through the contact's own SDK module: chat → desk.chat, video → desk.video, else desk.call. */
  async accept(sessionId: string): Promise<void> {
    const desk = this.desk();
    if (!desk) throw new Error('The desk is not available.');
    const channel = this.sessions().find((s) => s.id === sessionId)?.channel;
    if (channel === 'im') await desk.chat.accept(sessionId);
    else if (channel === 'video') await desk.video.accept(sessionId);
    else await desk.call.accept(sessionId);
  }
}
