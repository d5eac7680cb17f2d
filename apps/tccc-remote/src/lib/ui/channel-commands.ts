import type { Desk, DeskSession } from '@tccc-desk/desk-core';

/** What the desk UI does to a session, whatever its channel. */
export interface ChannelCommands {
  accept(): Promise<void>;
  end(): Promise<void>;
  transfer(target: { userId?: string; skillGroupId?: string }): Promise<void>;
  /** Microphone (phone, voip, internal and video). */
  setMuted(muted: boolean): Promise<void>;
  /** Camera: video only. */
  setCameraOff?(off: boolean): Promise<void>;
  /** Hold and DTMF: Call sessions only. */
  setHeld?(held: boolean): Promise<void>;
  sendDigit?(digit: string): Promise<void>;
}

/** Which SDK module a session goes through (the guide: Call = phone/voip/internal, Chat = im, Video). */
export function moduleOf(session: DeskSession): 'call' | 'chat' | 'video' {
  if (session.channel === 'im') return 'chat';
  if (session.channel === 'video') return 'video';
  return 'call';
}

/** The desk's commands for this session, routed through its channel's module. */
export function channelCommands(desk: Desk, session: DeskSession): ChannelCommands {
  const id = session.id;
  switch (moduleOf(session)) {
    case 'chat':
      return {
        accept: () => desk.chat.accept(id),
        end: () => desk.chat.end(id),
        transfer: (target) => desk.chat.transfer({ sessionId: id, ...target }),
        // A chat has no microphone: nothing to mute.
        setMuted: () => Promise.resolve(),
      };
    case 'video':
      return {
        accept: () => desk.video.accept(id),
        end: () => desk.video.end(id),
        transfer: (target) => desk.video.transfer({ sessionId: id, ...target }),
        setMuted: (muted) => (muted ? desk.video.mute(id) : desk.video.unmute(id)),
        setCameraOff: (off) => (off ? desk.video.muteVideo(id) : desk.video.unmuteVideo(id)),
      };
    case 'call':
      return {
        accept: () => desk.call.accept(id),
        end: () => desk.call.hangUp(id),
        transfer: (target) => desk.call.transfer({ sessionId: id, ...target }),
        setMuted: (muted) => (muted ? desk.call.mute(id) : desk.call.unmute(id)),
        setHeld: (isHeld) => (isHeld ? desk.call.hold(id) : desk.call.unhold(id)),
        sendDigit: (digit) => desk.call.sendDigits(id, digit),
      };
  }
}
