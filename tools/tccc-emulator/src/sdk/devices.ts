// tccc.Devices: what the browser offers. The vendor supports Chrome 56+ and Edge 80+.
import type { TcccDevices } from '@tccc-desk/tccc-sdk';

function chromiumMajor(userAgent: string): number | undefined {
  const match = /(?:Chrome|Chromium|Edg)\/(\d+)/.exec(userAgent);
  return match ? Number(match[1]) : undefined;
}

async function devicesOfKind(kind: MediaDeviceKind): Promise<MediaDeviceInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  try {
    return (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === kind);
  } catch {
    return [];
  }
}

export const devices: TcccDevices = {
  isBrowserSupported() {
    const major = chromiumMajor(navigator.userAgent);
    const edge = /Edg\//.test(navigator.userAgent);
    const versionOk = major !== undefined && major >= (edge ? 80 : 56);
    return versionOk && typeof RTCPeerConnection === 'function' && !!navigator.mediaDevices;
  },
  getMicrophones: () => devicesOfKind('audioinput'),
  getSpeakers: () => devicesOfKind('audiooutput'),
};
