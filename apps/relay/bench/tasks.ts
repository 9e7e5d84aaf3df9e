/** Messages between the bench driver (run-all) and its load process (load-client). */

export interface ThroughputTask {
  readonly kind: 'throughput';
  readonly url: string;
  /** One device token per client (empty strings for a bare server). */
  readonly tokens: readonly string[];
  readonly requestIds: readonly string[];
  /** Pushes each client keeps in flight. */
  readonly inFlight: number;
  /** Mutations per push. */
  readonly perPush: number;
  readonly warmupMs: number;
  readonly durationMs: number;
}

export interface RttTask {
  readonly kind: 'rtt';
  readonly url: string;
  readonly token: string;
  readonly requestId: string;
  readonly warmup: number;
  readonly samples: number;
  readonly maxMs: number;
}

export interface BroadcastTask {
  readonly kind: 'broadcast';
  readonly url: string;
  /** Device token of the client that pushes. */
  readonly pusherToken: string;
  /** Device tokens of the receiving clients. */
  readonly receiverTokens: readonly string[];
  readonly requestId: string;
  readonly warmupRounds: number;
  readonly rounds: number;
  readonly maxMs: number;
  /** Longest wait for one round's arrivals. */
  readonly roundTimeoutMs: number;
}

export type Task = ThroughputTask | RttTask | BroadcastTask;

export interface ThroughputResult {
  readonly kind: 'throughput';
  readonly accepted: number;
  readonly rejected: number;
  readonly pushes: number;
  readonly elapsedMs: number;
  readonly perSecond: number;
  /** The load process's CPU time over the measured window, in cores (1 = one core busy throughout). */
  readonly loadCpuShare: number;
  /** The server's, likewise (the driver's process, where the relay or the bare server runs); null until the driver adds it. */
  readonly serverCpuShare: number | null;
  readonly firstError: string | null;
}

/** Sent by a throughput load when its measured window opens and closes, so that the driver can time the server's CPU over it. */
export interface WindowEdge {
  readonly kind: 'window';
  readonly edge: 'start' | 'end';
}

export interface LatencyResult {
  readonly kind: 'latency';
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Arrivals that never came within the round timeout (broadcast), or failed pushes. */
  readonly missed: number;
  readonly firstError: string | null;
}

export type TaskResult = ThroughputResult | LatencyResult | { readonly kind: 'error'; readonly message: string };

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Pushes each throughput client keeps in flight with one mutation per push. */
export const IN_FLIGHT = 32;

/** Comments pushed as fast as the relay answers, for 5 s after 1.5 s of warm-up. */
export function throughputTask(url: string, tokens: readonly string[], requestIds: readonly string[], perPush: number): ThroughputTask {
  return {
    kind: 'throughput',
    url,
    tokens,
    requestIds,
    inFlight: perPush === 1 ? IN_FLIGHT : IN_FLIGHT / 4,
    perPush,
    warmupMs: 1500,
    durationMs: 5000,
  };
}

/** 3,000 single pushes one after the other, each timed from send to answer. */
export function rttTask(url: string, token: string, requestId: string): RttTask {
  return { kind: 'rtt', url, token, requestId, warmup: 300, samples: 3000, maxMs: 15_000 };
}
