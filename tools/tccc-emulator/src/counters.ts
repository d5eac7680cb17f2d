// What the emulator has seen since start (or the last POST /control/reset), for tests and demos.

export interface CounterValues {
  /** Every POST / that reached the cloud API, faulted or not. */
  cloudRequests: number;
  /** Cloud API answers carrying a Tencent error (verification, parameters or injected). */
  cloudErrors: number;
  /** Requests whose TC3 signature did not verify (AuthFailure.SignatureFailure from verification). */
  signatureFailures: number;
  /** Requests that failed any other authentication check (expired, unknown SecretId, malformed header). */
  authFailures: number;
  sdkUrlsMinted: number;
  sdkUrlsServed: number;
  sdkUrlsRefused: number;
  faultsApplied: number;
  idpTokensIssued: number;
  /** Cloud API error codes answered, by code. */
  errorsByCode: Record<string, number>;
}

type NumericCounter = Exclude<keyof CounterValues, 'errorsByCode'>;

export class Counters {
  private values: CounterValues = Counters.zero();

  private static zero(): CounterValues {
    return {
      cloudRequests: 0,
      cloudErrors: 0,
      signatureFailures: 0,
      authFailures: 0,
      sdkUrlsMinted: 0,
      sdkUrlsServed: 0,
      sdkUrlsRefused: 0,
      faultsApplied: 0,
      idpTokensIssued: 0,
      errorsByCode: {},
    };
  }

  increment(name: NumericCounter): void {
    this.values[name] += 1;
  }

  countCloudError(code: string): void {
    this.values.cloudErrors += 1;
    this.values.errorsByCode[code] = (this.values.errorsByCode[code] ?? 0) + 1;
  }

  snapshot(): CounterValues {
    return { ...this.values, errorsByCode: { ...this.values.errorsByCode } };
  }

  reset(): void {
    this.values = Counters.zero();
  }
}
