import type { TcccEventEnvelope, TcccEventMap, TcccEventName } from './tccc.types';

/**
 * The guide's example reads `response.data.sessionId`, its event tables list the fields bare.
 * Accept both shapes so consumers never care which one the SDK build delivers.
 */
export function eventPayload<K extends TcccEventName>(response: TcccEventEnvelope<K>): TcccEventMap[K] {
  if (response !== null && typeof response === 'object' && 'data' in response) {
    const data = (response as { data: unknown }).data;
    if (data !== null && typeof data === 'object') return data as TcccEventMap[K];
  }
  return response as TcccEventMap[K];
}

/** The error text of a CommonSDKResponse, whichever spelling the SDK used. */
export function sdkErrorMessage(response: { errorMsg?: string; errMsg?: string } | null | undefined): string {
  return response?.errorMsg ?? response?.errMsg ?? 'The TCCC SDK reported an error without a message';
}
