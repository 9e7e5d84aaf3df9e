import type { OutreachConfig } from './outreach-config.js';

export type RetrySettings = Pick<OutreachConfig, 'retryBaseMs' | 'retryMaxMs' | 'giveUpMs'>;

/**
 * After the `attempt`-th failure: try again after a random wait up to `base · 2^(attempt−1)`
 * (at most `retryMax`; "full jitter", so that receivers coming back are not hit all at once),
 * never sooner than a second; the last try is at the give-up time, and a failure then gives up.
 */
export function afterFailure(
  attempt: number,
  createdAt: number,
  now: number,
  settings: RetrySettings,
  random: () => number,
): { readonly outcome: 'failed' | 'abandoned'; readonly nextAttemptAt: number | null } {
  const giveUpAt = createdAt + settings.giveUpMs;
  if (now >= giveUpAt) return { outcome: 'abandoned', nextAttemptAt: null };
  const ceiling = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.min(attempt - 1, 30));
  const wait = Math.max(Math.min(settings.retryBaseMs, 1_000), Math.floor(random() * ceiling));
  return { outcome: 'failed', nextAttemptAt: Math.min(now + wait, giveUpAt) };
}
