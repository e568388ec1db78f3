// Bounded retries with fixed backoff for delivery steps: a transient failure (a dropped
// connection, a 4xx reply) is tried again after each wait in turn; a permanent one stops at once.

export type FailureKind = 'transient' | 'permanent';

export interface RetryPolicy {
  /** The wait before each retry, in order; its length is the number of retries. */
  delaysMs: readonly number[];
  classify: (err: unknown) => FailureKind;
  /** Told before each wait, e.g. to print "retrying in 2 s". */
  onRetry?: (err: unknown, failedAttempt: number, delayMs: number) => void;
  /** Injected so tests run without real waits; default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

/** Thrown when the last attempt failed: the last error, how many attempts were made, and why it stopped. */
export class DeliveryGaveUp extends Error {
  constructor(
    readonly lastError: unknown,
    readonly attempts: number,
    readonly kind: FailureKind,
  ) {
    super(lastError instanceof Error ? lastError.message : String(lastError));
    this.name = 'DeliveryGaveUp';
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(attempt: (attemptNumber: number) => Promise<T>, policy: RetryPolicy): Promise<{ value: T; attempts: number }> {
  const sleep = policy.sleep ?? realSleep;
  for (let n = 1; ; n++) {
    try {
      return { value: await attempt(n), attempts: n };
    } catch (err) {
      const kind = policy.classify(err);
      const delay = policy.delaysMs[n - 1];
      if (kind === 'permanent' || delay === undefined) throw new DeliveryGaveUp(err, n, kind);
      policy.onRetry?.(err, n, delay);
      await sleep(delay);
    }
  }
}
