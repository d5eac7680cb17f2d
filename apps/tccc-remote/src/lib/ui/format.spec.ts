import type { Locale } from '@tccc-desk/i18n';
import { loadCatalog, translate, type MessageKey } from '../i18n/messages';
import { session } from '../../testing/fake-desk';
import { agentStatusLabel, errorText, lifecycleLabel, sessionStatusLabel, waitingForLineText, type Translate } from './format';

const tr = (locale: Locale): Translate => (key: MessageKey, params) => translate(locale, key, params);

// Chinese is fetched when chosen (messages.ts); here it is loaded up front.
beforeAll(() => loadCatalog('zh-CN'));

describe('lifecycleLabel', () => {
  it('says the desk is waiting for a line, with about how long, while the token API queues the login', () => {
    expect(lifecycleLabel(tr('en'), { status: 'authenticating', waitingForLineSeconds: 12 })).toBe('Waiting for a line to the contact center (about 12 s)');
    expect(waitingForLineText(tr('en'), 0.2)).toBe('Waiting for a line to the contact center (about 1 s)');
    expect(lifecycleLabel(tr('en'), { status: 'authenticating' })).toBe('Signing in…');
    expect(lifecycleLabel(tr('zh-CN'), { status: 'authenticating', waitingForLineSeconds: 12 })).toBe('正在等待联络中心线路（约 12 秒）');
    expect(lifecycleLabel(tr('zh-CN'), { status: 'ready', readyAt: 1 })).toBe('已连接');
  });

  it('says the login will be tried again by itself when the service asked to wait for another reason (not a line)', () => {
    expect(lifecycleLabel(tr('en'), { status: 'authenticating', retryingInSeconds: 2 })).toBe('Retrying the sign-in in about 2 s');
    expect(lifecycleLabel(tr('en'), { status: 'authenticating', retryingInSeconds: 0.1 })).toBe('Retrying the sign-in in about 1 s');
    expect(lifecycleLabel(tr('zh-CN'), { status: 'authenticating', retryingInSeconds: 3 })).toBe('约 3 秒后重试登录');
  });
});

describe('agentStatusLabel', () => {
  it('names the status, a default rest reason and a pending request in the locale', () => {
    const agent = { status: 'rest' as const, restReason: 'Lunch', online: true, pending: { status: 'free' as const } };
    expect(agentStatusLabel(tr('en'), agent)).toBe('On a break: Lunch → Available…');
    expect(agentStatusLabel(tr('zh-CN'), agent)).toBe('小休：午餐 → 空闲…');
    expect(agentStatusLabel(tr('zh-CN'), { status: 'rest', restReason: 'Dentist', online: true })).toBe('小休：Dentist');
    expect(agentStatusLabel(tr('en'), { status: 'free', online: false })).toBe('Offline');
  });
});

describe('errorText', () => {
  it("gives the code's message in the locale and the original message as detail when it says more", () => {
    expect(errorText(tr('zh-CN'), { code: 'no_seat', message: 'You have no contact center seat.' })).toEqual({
      message: '您没有联络中心座席。',
      detail: 'You have no contact center seat.',
    });
    expect(errorText(tr('en'), { code: 'no_seat', message: 'You have no contact center seat.' })).toEqual({
      message: 'You have no contact center seat.',
      detail: null,
    });
    expect(errorText(tr('en'), new Error('boom'))).toEqual({ message: 'The desk could not do that.', detail: 'boom' });
  });

  it('a command whose outcome is unknown (sent to the leader tab, no answer) does not say "Try again"', () => {
    expect(errorText(tr('en'), { code: 'tab_leader_unavailable', retryable: true, message: 'x' }).message).toMatch(/Try again/);
    const unknown = errorText(tr('en'), { code: 'tab_leader_unavailable', retryable: false, message: 'x' }).message;
    expect(unknown).toMatch(/may have done it/);
    expect(unknown).not.toMatch(/^.*\. Try again\.$/);
    expect(errorText(tr('zh-CN'), { code: 'tab_leader_unavailable', retryable: false, message: 'x' }).message).toMatch(/可能已执行/);
    expect(errorText(tr('en'), { code: 'toString', message: '' })).toEqual({ message: 'The desk could not do that.', detail: null });
  });
});

describe('sessionStatusLabel', () => {
  it('a connected chat is in a chat (会话中), not on a call (通话中); the other channels talk', () => {
    const chat = session({ channel: 'im', status: 'talking' });
    expect(sessionStatusLabel(tr('en'), chat)).toBe('In chat');
    expect(sessionStatusLabel(tr('zh-CN'), chat)).toBe('会话中');
    expect(sessionStatusLabel(tr('zh-CN'), session({ channel: 'im', status: 'ringing' }))).toBe('振铃中');
    for (const channel of ['phone', 'voip', 'video', 'internal'] as const) {
      expect(sessionStatusLabel(tr('zh-CN'), session({ channel, status: 'talking' }))).toBe('通话中');
    }
  });
});
