import type { Clock } from '../core/clock.js';

export type EnrollmentAdmission =
  { readonly ok: true; readonly attempt: EnrollmentAttempt } | { readonly ok: false; readonly retryAfterMs: number };

export interface EnrollmentAttempt {
  readonly address: string;
  readonly at: number;
}

export interface EnrollmentGuardLimits {
  readonly perAddress: number;
  readonly global: number;
  readonly windowMs: number;
}

/**
 * Limits enrollment-code guessing: at most `perAddress` refused codes per source address and
 * `global` for all addresses together within a sliding window, on the relay's clock. Each attempt
 * counts as refused from the moment it is admitted (so parallel attempts cannot slip past the
 * limit) and is taken back when the code turns out good. Once at the limit, every attempt is
 * refused without looking at the code, a good one included: the refusal says nothing about it.
 */
export class EnrollmentGuard {
  private readonly byAddress = new Map<string, number[]>();
  private global: number[] = [];

  constructor(
    private readonly limits: EnrollmentGuardLimits,
    private readonly clock: Clock,
  ) {}

  admit(address: string): EnrollmentAdmission {
    const now = this.clock.now();
    const since = now - this.limits.windowMs;
    this.global = this.global.filter((at) => at > since);
    const mine = (this.byAddress.get(address) ?? []).filter((at) => at > since);
    if (mine.length >= this.limits.perAddress) {
      this.byAddress.set(address, mine);
      return { ok: false, retryAfterMs: (mine[0] ?? now) + this.limits.windowMs - now };
    }
    if (this.global.length >= this.limits.global) {
      return { ok: false, retryAfterMs: (this.global[0] ?? now) + this.limits.windowMs - now };
    }
    if (this.byAddress.size > 2 * this.limits.global) this.sweep(since);
    mine.push(now);
    this.byAddress.set(address, mine);
    this.global.push(now);
    return { ok: true, attempt: { address, at: now } };
  }

  /** The code was good (or the refusal was not about the code): the attempt does not count. */
  forgive(attempt: EnrollmentAttempt): void {
    const mine = this.byAddress.get(attempt.address);
    const index = mine?.indexOf(attempt.at) ?? -1;
    if (mine && index >= 0) mine.splice(index, 1);
    const globalIndex = this.global.indexOf(attempt.at);
    if (globalIndex >= 0) this.global.splice(globalIndex, 1);
  }

  private sweep(since: number): void {
    for (const [address, times] of this.byAddress) {
      if (!times.some((at) => at > since)) this.byAddress.delete(address);
    }
  }
}
