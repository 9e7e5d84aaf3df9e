import type { Clock } from '../core/clock.js';

export type Admission = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Above this many buckets, full (idle) ones are dropped: they hold nothing a new bucket would not. */
const SWEEP_ABOVE = 10_000;

/**
 * One token bucket per device: `burst` mutations at once, refilled at `perSecond`, on the relay's
 * clock. A push takes as many tokens as it carries mutations, all or none: a refused push costs
 * nothing, so retrying after `retryAfterMs` is admitted.
 */
export class PushRateLimit {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly clock: Clock,
  ) {}

  take(deviceId: string, cost: number): Admission {
    const now = this.clock.now();
    const bucket = this.refilled(deviceId, now);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil(((cost - bucket.tokens) * 1000) / this.perSecond) };
  }

  private refilled(deviceId: string, now: number): Bucket {
    let bucket = this.buckets.get(deviceId);
    if (!bucket) {
      if (this.buckets.size >= SWEEP_ABOVE) this.sweep(now);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(deviceId, bucket);
      return bucket;
    }
    // A clock set back never takes tokens away.
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(this.burst, bucket.tokens + (elapsed * this.perSecond) / 1000);
    bucket.at = Math.max(bucket.at, now);
    return bucket;
  }

  private sweep(now: number): void {
    for (const [deviceId, bucket] of this.buckets) {
      if (bucket.tokens + (Math.max(0, now - bucket.at) * this.perSecond) / 1000 >= this.burst) {
        this.buckets.delete(deviceId);
      }
    }
  }
}
