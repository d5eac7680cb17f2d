/**
 * Flow: every channel from the desk panel. A chat (tccc.Chat) and a video contact (tccc.Video)
 * are accepted, transferred and ended from the desk; an internal call from alice rings bob's page;
 * going offline stops inbound contacts.
 */
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { emulator } from '../support/emulator';
import { useBrowser } from '../support/fixture';
import { byTestId, closeWorkbench, signInReady } from '../support/shell';

const { open } = useBrowser();

const card = (page: Page, sessionId: string, status?: string) =>
  page.locator(`[data-testid="active-session"][data-session-id="${sessionId}"]${status ? `[data-status="${status}"]` : ''}`);

async function acceptFromDesk(page: Page, sessionId: string, how: 'click' | 'dblclick' = 'click'): Promise<void> {
  await byTestId(page, `session-${sessionId}`).click(); // the desk panel's list picks the contact
  await card(page, sessionId, 'ringing').locator('[data-testid="accept"]')[how]();
  await card(page, sessionId, 'talking').waitFor();
  await closeWorkbench(page); // the SDK's own panel opens on a contact and covers the desk
}

async function transferFromDesk(page: Page, sessionId: string, target: { userId?: string; skillGroupId?: string }): Promise<void> {
  await byTestId(page, 'transfer-toggle').click();
  if (target.userId) await byTestId(page, 'transfer-user').fill(target.userId);
  if (target.skillGroupId) await byTestId(page, 'transfer-skill').fill(target.skillGroupId);
  await byTestId(page, 'transfer-submit').click();
  await card(page, sessionId).waitFor({ state: 'detached' });
}

async function historyOutcome(page: Page, sessionId: string): Promise<string | null> {
  const row = byTestId(page, `call-record-${sessionId}`);
  await row.waitFor();
  return row.locator('[data-testid="call-record-outcome"]').textContent();
}

test('chat: accept, transfer and end from the desk panel, through tccc.Chat', async () => {
  const { page, pageErrors } = await open();
  await signInReady(page, 'alice', '/history');

  const { sessionId } = await emulator.inbound({ type: 'im', timeout: 0, nickname: 'Lily', channelName: 'Web shop', peerSource: 'wechat' });
  await card(page, sessionId, 'ringing').waitFor();
  // A chat visitor is not a phone number to match: the screen pop says who they are.
  await page.locator(`[data-testid="screen-pop"][data-session-id="${sessionId}"][data-kind="visitor"]`).waitFor();
  await acceptFromDesk(page, sessionId);
  await expect(byTestId(page, 'detail-channel').textContent()).resolves.toContain('Web shop');
  await expect(byTestId(page, 'detail-source').textContent()).resolves.toContain('wechat');
  await expect(byTestId(page, 'command-error').count()).resolves.toBe(0);
  // A chat is not a call: "In chat", with no microphone, hold or keypad.
  await expect(card(page, sessionId).locator('[data-testid="active-status"]').textContent()).resolves.toContain('Chat · In chat');
  await expect(page.locator('[data-testid="mute"], [data-testid="hold"], [data-testid="keypad-toggle"]').count()).resolves.toBe(0);
  await screenshot(page, 'chat-accepted');

  await transferFromDesk(page, sessionId, { userId: 'bob@example.com' });
  await expect(historyOutcome(page, sessionId)).resolves.toContain('Transferred to bob@example.com');

  const second = await emulator.inbound({ type: 'im', timeout: 0, nickname: 'Ann' });
  await card(page, second.sessionId, 'ringing').waitFor();
  // Agents double-click: the SDK gets one accept, so no "refused" error after a good accept.
  await acceptFromDesk(page, second.sessionId, 'dblclick');
  await expect(byTestId(page, 'command-error').count()).resolves.toBe(0);
  await expect(byTestId(page, 'hangup').textContent()).resolves.toContain('End chat');
  await byTestId(page, 'hangup').click();
  await card(page, second.sessionId).waitFor({ state: 'detached' });
  await expect(historyOutcome(page, second.sessionId)).resolves.toBe('Agent ended the chat');
  const row = byTestId(page, `call-record-${second.sessionId}`);
  await expect(row.locator('[data-testid="call-record-channel"]').getAttribute('data-channel')).resolves.toBe('im');
  await expect(byTestId(page, 'command-error').count()).resolves.toBe(0);
  expect(pageErrors).toEqual([]);
});

test('video: accept, camera off, transfer and end from the desk panel, through tccc.Video', async () => {
  const { page, pageErrors } = await open();
  await signInReady(page, 'alice', '/history');

  const { sessionId } = await emulator.inbound({ type: 'video', timeout: 0, nickname: 'Wei', userId: 'o-8812' });
  await card(page, sessionId, 'ringing').waitFor();
  await acceptFromDesk(page, sessionId);
  await expect(byTestId(page, 'detail-camera').textContent()).resolves.toContain('on');
  await byTestId(page, 'camera').click();
  await page.locator('[data-testid="camera"][data-active="true"]').waitFor();
  await expect(byTestId(page, 'detail-camera').textContent()).resolves.toContain('off');
  // The button says what it will do, not the camera's state (that is the detail row).
  await expect(byTestId(page, 'camera').textContent()).resolves.toContain('Turn camera on');
  await expect(page.locator('[data-testid="hold"], [data-testid="keypad-toggle"]').count()).resolves.toBe(0);
  await byTestId(page, 'mute').click();
  await page.locator('[data-testid="mute"][data-active="true"]').waitFor();
  await expect(byTestId(page, 'command-error').count()).resolves.toBe(0);
  await closeWorkbench(page);
  await screenshot(page, 'video-contact');

  await transferFromDesk(page, sessionId, { skillGroupId: '7' });
  await expect(historyOutcome(page, sessionId)).resolves.toContain('Transferred to skill group 7');

  const second = await emulator.inbound({ type: 'video', timeout: 0, nickname: 'Mei' });
  await card(page, second.sessionId, 'ringing').waitFor();
  await acceptFromDesk(page, second.sessionId);
  await expect(byTestId(page, 'hangup').textContent()).resolves.toContain('End video');
  await byTestId(page, 'hangup').click();
  await card(page, second.sessionId).waitFor({ state: 'detached' });
  await expect(historyOutcome(page, second.sessionId)).resolves.toBe('Agent hung up');
  await expect(byTestId(page, 'command-error').count()).resolves.toBe(0);
  expect(pageErrors).toEqual([]);
});

test("internal call: alice calls bob, bob's page rings, bob accepts, alice hangs up", async () => {
  const alice = await open();
  const bob = await open();
  await signInReady(bob.page, 'bob');
  await signInReady(alice.page, 'alice');

  await byTestId(alice.page, 'internal-input').fill('bob@example.com');
  await byTestId(alice.page, 'internal-button').click();
  const aliceCard = alice.page.locator('[data-testid="active-session"][data-channel="internal"]');
  await aliceCard.waitFor();

  const ringing = bob.page.locator('[data-testid="active-session"][data-channel="internal"][data-status="ringing"]');
  await ringing.waitFor();
  await expect(ringing.locator('[data-testid="detail-seat"]').textContent()).resolves.toContain('alice@example.com');
  await bob.page.locator('[data-testid="screen-pop"][data-kind="colleague"]').waitFor();
  await ringing.locator('[data-testid="accept"]').click();
  await bob.page.locator('[data-testid="active-session"][data-channel="internal"][data-status="talking"]').waitFor();
  await alice.page.locator('[data-testid="active-session"][data-channel="internal"][data-status="talking"]').waitFor();
  // A colleague can be held and muted; there is no phone line's IVR to send tones to.
  await bob.page.locator('[data-testid="active-session"][data-channel="internal"] [data-testid="hold"]').waitFor();
  await expect(byTestId(bob.page, 'keypad-toggle').count()).resolves.toBe(0);
  await closeWorkbench(bob.page);
  await screenshot(bob.page, 'internal-call-bob');

  await byTestId(alice.page, 'hangup').click();
  await aliceCard.waitFor({ state: 'detached' });
  await bob.page.locator('[data-testid="active-session"][data-channel="internal"]').waitFor({ state: 'detached' });
  expect(alice.pageErrors).toEqual([]);
  expect(bob.pageErrors).toEqual([]);
});

test('going offline stops inbound contacts; back online they ring again', async () => {
  const { page, pageErrors } = await open();
  await signInReady(page);
  // Signed in is online: not "Offline" while the agent can take calls.
  await expect(byTestId(page, 'agent-status').getAttribute('data-status')).resolves.not.toBe('offline');

  await byTestId(page, 'agent-status-select').selectOption('offline');
  await page.locator('[data-testid="header-agent-status"][data-status="offline"]').waitFor();
  await expect(emulator.inbound({ type: 'phone', timeout: 0, callerPhoneNumber: '+8613800138000' })).rejects.toThrow(/409.*offline/);
  await expect(emulator.inbound({ type: 'im', timeout: 0 })).rejects.toThrow(/409/);
  await expect(page.locator('[data-testid="active-session"]').count()).resolves.toBe(0);

  await byTestId(page, 'agent-status-select').selectOption('free');
  await page.locator('[data-testid="header-agent-status"][data-status="free"]').waitFor();
  const { sessionId } = await emulator.inbound({ type: 'im', timeout: 0, nickname: 'Back again' });
  await card(page, sessionId, 'ringing').waitFor();
  expect(pageErrors).toEqual([]);
});
