import type { LogPosition } from '@contact-desk/shared';
import type { Logger } from '../logger.js';
import { storeFault, type StoreFault } from '../storage/store-fault.js';
import type { Storage } from '../storage/storage.js';

/**
 * Why a relay node should not be sent traffic now. `storage_*`: the store refused the write probe
 * (or the chain check's read), by kind; `probe_timed_out`: it did not answer within the time
 * allowed; `chain_head_diverged`: the store no longer holds this node's head (the log was cut or
 * edited beneath it), so what the node serves is not the record; `stopping`: the node is shutting
 * down and finishing its work.
 */
export const NOT_READY_CODES = [
  'stopping',
  'storage_read_only',
  'storage_full',
  'storage_busy',
  'storage_unreachable',
  'storage_failed',
  'probe_timed_out',
  'chain_head_diverged',
] as const;
export type NotReadyCode = (typeof NOT_READY_CODES)[number];

export interface NotReadyReason {
  readonly code: NotReadyCode;
  readonly message: string;
}

/** What `GET /readyz` answers. `reasons` is empty when ready, and holds each code at most once. */
export interface Readiness {
  readonly ready: boolean;
  readonly engine: Storage['engine'];
  readonly headSeq: number;
  readonly checkedInMs: number;
  readonly reasons: readonly NotReadyReason[];
}

/** The longest a readiness check takes, whatever the store does. */
export const READINESS_TIMEOUT_MS = 2_000;

const MESSAGES: Record<NotReadyCode, string> = {
  stopping: 'The relay is stopping.',
  storage_read_only: 'The store refuses writes: it is read-only.',
  storage_full: 'The store refuses writes: it is full.',
  storage_busy: 'The store refuses writes: its write lock is held elsewhere.',
  storage_unreachable: 'The store cannot be reached.',
  storage_failed: 'The store failed the write probe.',
  probe_timed_out: 'The store did not answer the write probe in time.',
  chain_head_diverged: "The store's log no longer holds this node's head.",
};

const FAULT_CODES: Record<StoreFault, NotReadyCode> = {
  read_only: 'storage_read_only',
  full: 'storage_full',
  busy: 'storage_busy',
  unreachable: 'storage_unreachable',
  timed_out: 'probe_timed_out',
  failed: 'storage_failed',
};

const TIMED_OUT = Symbol('timed out');

/** `work`'s outcome, or `TIMED_OUT` once `ms` have passed (the work itself goes on, unheard). */
function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Readiness of a relay node: the store takes a write now (`Storage.probeWrite`: a rolled-back
 * write beside the log) and still holds the chain head this node serves from, both within
 * `timeoutMs`; and the node is not stopping. Checks asked while one runs share its answer, so a
 * burst of probes costs one. Liveness stays `/healthz`, which asks the store nothing.
 */
export class ReadinessCheck {
  private stoppingNow = false;
  private running: Promise<Readiness> | undefined;
  private lastCodes = '';

  constructor(
    private readonly core: { readonly headPosition: LogPosition },
    private readonly storage: Pick<Storage, 'engine' | 'probeWrite' | 'hashAt'>,
    private readonly log: Logger,
    private readonly timeoutMs = READINESS_TIMEOUT_MS,
  ) {}

  /** From now on the node answers not ready (`stopping`): a load balancer drains it before it closes. */
  stopping(): void {
    this.stoppingNow = true;
  }

  check(): Promise<Readiness> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<Readiness> {
    const started = performance.now();
    const head = this.core.headPosition;
    const found = await Promise.all([this.writeRefused(), this.chainDiverged(head)].map((check) => within(check, this.timeoutMs)));
    const codes = new Set<NotReadyCode>(this.stoppingNow ? ['stopping'] : []);
    for (const code of found) if (code !== undefined) codes.add(code === TIMED_OUT ? 'probe_timed_out' : code);
    const reasons = [...codes].map((code) => ({ code, message: MESSAGES[code] }));
    this.noteChange(reasons);
    return {
      ready: reasons.length === 0,
      engine: this.storage.engine,
      headSeq: head.seq,
      checkedInMs: Math.round(performance.now() - started),
      reasons,
    };
  }

  private async writeRefused(): Promise<NotReadyCode | undefined> {
    try {
      await this.storage.probeWrite(this.timeoutMs);
      return undefined;
    } catch (error) {
      return this.refused(error, 'the store refused the readiness write probe');
    }
  }

  private async chainDiverged(head: LogPosition): Promise<NotReadyCode | undefined> {
    if (head.seq === 0) return undefined;
    try {
      return (await this.storage.hashAt(head.seq)) === head.hash ? undefined : 'chain_head_diverged';
    } catch (error) {
      return this.refused(error, "the store could not be read for the readiness check of the chain's head");
    }
  }

  private refused(error: unknown, what: string): NotReadyCode {
    const code = FAULT_CODES[storeFault(error)];
    if (!this.lastCodes.includes(code)) this.log.warn({ err: error, reason: code }, what);
    return code;
  }

  /** Logs when the node becomes ready or not ready, not at every probe. */
  private noteChange(reasons: readonly NotReadyReason[]): void {
    const codes = reasons.map((reason) => reason.code).join(',');
    if (codes === this.lastCodes) return;
    if (codes === '') this.log.info('relay node ready');
    else this.log.warn({ reasons: codes }, 'relay node not ready');
    this.lastCodes = codes;
  }
}
