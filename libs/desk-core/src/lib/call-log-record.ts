/** A finished contact (a session in history) as the CallLog record hosts save. */
import type { CallLog, DeskSession } from './desk.types';

export function callLogOf(session: DeskSession, loggedAt: number, seatUserId: string | undefined): CallLog {
  const endedAt = session.endedAt ?? loggedAt;
  const answered = session.answeredAt !== undefined;
  const { avatar: _avatar, ...peer } = session.peer;
  const log: CallLog = {
    id: session.id,
    sessionId: session.id,
    channel: session.channel,
    direction: session.direction,
    outcome: session.status === 'transferred' ? 'transferred' : answered ? 'ended' : 'missed',
    peer,
    offeredAt: session.offeredAt,
    endedAt,
    loggedAt,
    durationS: answered ? Math.max(0, Math.round((endedAt - (session.answeredAt as number)) / 1000)) : 0,
    transfers: session.transferredTo ? [{ ...session.transferredTo }] : [],
    notes: '',
  };
  if (seatUserId) log.seatUserId = seatUserId;
  if (answered) log.answeredAt = session.answeredAt;
  if (session.placedByAgent) log.placedByAgent = true;
  if (session.closeBy !== undefined) log.closeBy = session.closeBy;
  if (session.mainReason !== undefined) log.mainReason = session.mainReason;
  if (session.subReason !== undefined) log.subReason = session.subReason;
  return log;
}

/** A stored record that still has the fields a host relies on (storage is anyone's to edit). */
export function isCallLog(value: unknown): value is CallLog {
  if (value === null || typeof value !== 'object') return false;
  const log = value as Record<string, unknown>;
  return (
    typeof log['id'] === 'string' &&
    log['id'] !== '' &&
    typeof log['sessionId'] === 'string' &&
    typeof log['channel'] === 'string' &&
    typeof log['direction'] === 'string' &&
    typeof log['outcome'] === 'string' &&
    typeof log['peer'] === 'object' &&
    log['peer'] !== null &&
    typeof log['offeredAt'] === 'number' &&
    typeof log['endedAt'] === 'number' &&
    typeof log['loggedAt'] === 'number' &&
    typeof log['durationS'] === 'number' &&
    Array.isArray(log['transfers']) &&
    typeof log['notes'] === 'string'
  );
}
