// Mints SDK logins: one CreateSDKLoginToken call per request (an SdkURL is single-use and never
// cached), paced by the upstream budget, timed and counted, failures mapped to the error contract.
// A RequestLimitExceeded from Tencent (another system shares the SecretId) slows the budget and is
// retried while the login's wait bound allows: the agent waits a little instead of seeing an error
// (without a budget, TCCC_UPSTREAM_RPS=0, it is answered at once as 502 upstream_rate_limited).
import type { Metrics } from '../metrics';
import type { Seat } from '../seats/seat-directory';
import type { CccClient } from './ccc-client';
import { loginBusy, type UpstreamBudget } from './upstream-budget';
import { AppError } from '../errors';
import { mapUpstreamError } from './upstream-errors';

export interface SdkLogin {
  sdkUrl: string;
  expiresAt: Date;
}

/** `signal` aborts when the caller went away: a login still waiting for its turn is then not minted. */
export type MintSdkLogin = (seat: Seat, signal?: AbortSignal) => Promise<SdkLogin>;

const ACTION = 'CreateSDKLoginToken';

/** A 200 without a usable SdkURL/ExpiredTime is as broken as a garbled one. */
class IncompleteResponseError extends TypeError {
  override readonly name = 'IncompleteResponseError';
}

export interface SdkLoginMinterOptions {
  onlyOnce: boolean;
  budget: UpstreamBudget;
  /** How long one login may wait for the budget, retries included. */
  maxWaitMs: number;
}

export function createSdkLoginMinter(client: CccClient, metrics: Metrics, options: SdkLoginMinterOptions): MintSdkLogin {
  const callOnce = (seat: Seat) => async () => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const response = await client.CreateSDKLoginToken({
        SdkAppId: seat.sdkAppId,
        SeatUserId: seat.seatUserId,
        // A token the SDK can redeem once: a leaked SdkURL is useless after the desk loaded it.
        OnlyOnce: options.onlyOnce,
      });
      const { SdkURL, ExpiredTime } = response;
      if (typeof SdkURL !== 'string' || !/^https?:\/\//.test(SdkURL) || typeof ExpiredTime !== 'number') {
        throw new IncompleteResponseError('CreateSDKLoginToken answered without SdkURL/ExpiredTime');
      }
      metrics.upstreamDuration.observe({ action: ACTION, outcome: 'ok' }, elapsed());
      return { sdkUrl: SdkURL, expiresAt: new Date(ExpiredTime * 1000) };
    } catch (thrown) {
      const { error, upstreamCode } = mapUpstreamError(thrown);
      metrics.upstreamDuration.observe({ action: ACTION, outcome: error.code }, elapsed());
      metrics.upstreamErrors.inc({ action: ACTION, code: error.code, upstream_code: upstreamCode });
      throw error;
    }
  };

  return async function mintSdkLogin(seat, signal) {
    const deadline = Date.now() + options.maxWaitMs;
    for (;;) {
      try {
        return await options.budget.run(callOnce(seat), deadline, signal);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'upstream_rate_limited') throw error;
        // Unpaced (benchmarks only), a retry would go out at once, hundreds a second: report it.
        if (!options.budget.paced) throw error;
        options.budget.slowDown();
        if (Date.now() >= deadline) throw loginBusy(1);
      }
    }
  };
}
