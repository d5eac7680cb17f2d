import type { CommonSDKResponse } from '@tccc-desk/tccc-sdk';

export function ok<T>(data?: T): CommonSDKResponse<T> {
  return data === undefined ? { status: 'success' } : { status: 'success', data };
}

/** The guide documents `errorMsg`, its example reads `errMsg`: both are set so either works. */
export function failed(message: string): CommonSDKResponse<never> {
  return { status: 'error', errorMsg: message, errMsg: message };
}
