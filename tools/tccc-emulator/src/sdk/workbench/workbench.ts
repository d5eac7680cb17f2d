// The bottom-right call-center icon and its small workbench panel, like the vendor's: agent
// status, the current contact, accept / hang up (plus hold and mute while talking) and, in
// development, buttons that drive the scenario. Built with DOM calls and textContent only: contact
// fields come from outside and are never parsed as HTML.
import { currentContact, type Contact, type ViewState } from '../view-state';
import { WORKBENCH_CSS } from './styles';

/** The attribute the loader in libs/tccc-sdk uses to find and remove the SDK's DOM (SDK_ROOT_ATTRIBUTE). */
const SDK_ROOT_ATTRIBUTE = 'data-tccc-sdk-root';

const HEADSET_SVG =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M3 14v-2a9 9 0 0 1 18 0v2"/><path d="M21 15a2 2 0 0 1-2 2h-1v-6h1a2 2 0 0 1 2 2z"/><path d="M3 15a2 2 0 0 0 2 2h1v-6H5a2 2 0 0 0-2 2z"/><path d="M18 17v1a3 3 0 0 1-3 3h-3"/></svg>';

const STATUS_LABELS: Record<string, string> = { free: 'Free', busy: 'Busy', arrange: 'After-call work', notReady: 'Not ready', rest: 'Resting' };
const INCOMING_LABELS: Record<string, string> = { phone: 'Incoming call', im: 'Incoming chat', voip: 'Incoming audio call', video: 'Incoming video call', internal: 'Incoming internal call' };
const TYPE_LABELS: Record<string, string> = { phone: 'Phone', im: 'Online chat', voip: 'Audio (VoIP)', video: 'Video', internal: 'Internal' };

export interface WorkbenchActions {
  accept(contact: Contact): void;
  hangUp(contact: Contact): void;
  toggleHold(contact: Contact): void;
  toggleMute(contact: Contact): void;
  simulateInbound(): void;
  farAnswer(): void;
  farHangup(): void;
}

export interface WorkbenchOptions {
  seatUserId: string;
  devTools: boolean;
}

export interface Workbench {
  readonly root: HTMLElement;
  render(state: ViewState, now: number): void;
  show(): void;
  hide(): void;
  open(): void;
  message(text: string): void;
  destroy(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  element.className = className;
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  return element;
}

function button(doc: Document, className: string, label: string, testId: string | undefined, onClick: () => void): HTMLButtonElement {
  const element = el(doc, 'button', `tccc-emu-btn ${className}`, { type: 'button', ...(testId ? { 'data-testid': testId } : {}) });
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

function kindLabel(contact: Contact): string {
  const type = TYPE_LABELS[contact.type] ?? contact.type;
  switch (contact.state) {
    case 'ringing':
      return INCOMING_LABELS[contact.type] ?? `Incoming ${type}`;
    case 'dialing':
      return `${type} · calling…`;
    case 'held':
      return `${type} · on hold`;
    default:
      return `${type} · ${contact.direction === 'inbound' ? 'connected' : 'connected (outbound)'}`;
  }
}

export function createWorkbench(doc: Document, options: WorkbenchOptions, actions: WorkbenchActions): Workbench {
  let shown: Contact | undefined;
  const root = el(doc, 'div', 'tccc-emu', { [SDK_ROOT_ATTRIBUTE]: '', 'data-testid': 'tccc-workbench' });
  const style = el(doc, 'style', '');
  style.textContent = WORKBENCH_CSS;

  // Panel
  const panel = el(doc, 'section', 'tccc-emu-panel', { 'data-testid': 'tccc-workbench-panel', 'aria-label': 'Contact center workbench' });
  panel.hidden = true;
  const head = el(doc, 'header', 'tccc-emu-head');
  const title = el(doc, 'div', 'tccc-emu-title');
  title.textContent = 'Contact Center';
  const seat = el(doc, 'span', 'tccc-emu-seat');
  seat.textContent = options.seatUserId;
  title.append(seat);
  const status = el(doc, 'span', 'tccc-emu-status', { 'data-testid': 'tccc-workbench-status' });
  const statusDot = el(doc, 'span', 'tccc-emu-dot');
  const statusText = el(doc, 'span', '');
  status.append(statusDot, statusText);
  head.append(title, status);

  const body = el(doc, 'div', 'tccc-emu-body');
  const contactBox = el(doc, 'div', 'tccc-emu-contact', { 'data-testid': 'tccc-workbench-contact' });
  const kind = el(doc, 'div', 'tccc-emu-kind');
  const kindText = el(doc, 'span', '');
  const countdown = el(doc, 'span', 'tccc-emu-countdown');
  kind.append(kindText, countdown);
  const peer = el(doc, 'div', 'tccc-emu-peer');
  const detail = el(doc, 'div', 'tccc-emu-detail');
  contactBox.append(kind, peer, detail);

  const acceptButton = button(doc, 'tccc-emu-accept', 'Accept', 'tccc-workbench-accept', () => shown && actions.accept(shown));
  const hangupButton = button(doc, 'tccc-emu-hangup', 'Hang up', 'tccc-workbench-hangup', () => shown && actions.hangUp(shown));
  const mainActions = el(doc, 'div', 'tccc-emu-actions');
  mainActions.append(acceptButton, hangupButton);
  const holdButton = button(doc, '', 'Hold', 'tccc-workbench-hold', () => shown && actions.toggleHold(shown));
  const muteButton = button(doc, '', 'Mute', 'tccc-workbench-mute', () => shown && actions.toggleMute(shown));
  const secondary = el(doc, 'div', 'tccc-emu-secondary');
  secondary.append(holdButton, muteButton);
  const messageLine = el(doc, 'div', 'tccc-emu-message', { role: 'status' });
  body.append(contactBox, mainActions, secondary, messageLine);
  panel.append(head, body);

  if (options.devTools) {
    const dev = el(doc, 'div', 'tccc-emu-dev', { 'data-testid': 'tccc-workbench-dev' });
    const label = el(doc, 'div', 'tccc-emu-dev-label');
    label.textContent = 'Emulator · scenario';
    const row = el(doc, 'div', 'tccc-emu-dev-row');
    row.append(
      button(doc, '', 'Simulate inbound call', 'tccc-workbench-simulate-inbound', () => actions.simulateInbound()),
      button(doc, '', 'Callee answers', 'tccc-workbench-far-answer', () => actions.farAnswer()),
      button(doc, '', 'Far end hangs up', 'tccc-workbench-far-hangup', () => actions.farHangup()),
    );
    dev.append(label, row);
    panel.append(dev);
  }

  // Icon
  const icon = el(doc, 'button', 'tccc-emu-icon', { type: 'button', 'data-testid': 'tccc-workbench-icon', 'aria-label': 'Open the contact center workbench', 'aria-expanded': 'false' });
  icon.innerHTML = HEADSET_SVG; // a constant, not data
  const badge = el(doc, 'span', 'tccc-emu-badge');
  badge.hidden = true;
  icon.append(badge);
  const setOpen = (open: boolean): void => {
    panel.hidden = !open;
    icon.setAttribute('aria-expanded', String(open));
  };
  icon.addEventListener('click', () => setOpen(panel.hidden));

  root.append(style, panel, icon);
  (doc.body ?? doc.documentElement).append(root);

  return {
    root,
    render(state, now) {
      status.dataset.status = state.status;
      statusText.textContent = STATUS_LABELS[state.status] ?? state.status;
      const contact = currentContact(state);
      shown = contact;
      contactBox.dataset.state = contact?.state ?? 'none';
      if (contact) contactBox.dataset.sessionId = contact.sessionId;
      else delete contactBox.dataset.sessionId;
      kindText.textContent = contact ? kindLabel(contact) : 'No active contact';
      const secondsLeft = contact?.timeoutAt === undefined ? undefined : Math.max(0, Math.ceil((contact.timeoutAt - now) / 1000));
      countdown.textContent = secondsLeft === undefined ? '' : `transfers in ${secondsLeft}s`;
      peer.textContent = contact?.peer ?? '';
      detail.textContent = contact?.detail ?? '';
      peer.hidden = !contact;
      detail.hidden = !contact?.detail;
      acceptButton.disabled = contact?.state !== 'ringing';
      hangupButton.disabled = !contact;
      hangupButton.textContent = contact?.state === 'ringing' ? 'Decline' : contact?.type === 'im' ? 'End chat' : 'Hang up';
      const voiceTalk = !!contact && (contact.state === 'talking' || contact.state === 'held') && contact.type !== 'im';
      secondary.hidden = !voiceTalk;
      holdButton.hidden = !voiceTalk || contact?.type === 'video';
      holdButton.textContent = contact?.state === 'held' ? 'Resume' : 'Hold';
      muteButton.textContent = contact?.muted ? 'Unmute' : 'Mute';
      const ringing = contact?.state === 'ringing';
      icon.dataset.ringing = String(ringing);
      badge.hidden = !ringing;
    },
    show() {
      root.hidden = false;
    },
    hide() {
      root.hidden = true;
    },
    open() {
      setOpen(true);
    },
    message(text) {
      messageLine.textContent = text;
    },
    destroy() {
      root.remove();
    },
  };
}
