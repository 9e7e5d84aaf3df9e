import { PROTOCOL_VERSION, type MutationResult, type PushResponse } from '@contact-desk/shared';
import { setTimeout as delay } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { waitFor } from '../../apps/relay/test/wait-for';

export interface WireMutation {
  readonly mutationId: string;
  readonly type: string;
  readonly args: unknown;
  readonly clientTime: number | null;
}

/** Answers after which the same mutation is sent again (as the app's engine does). */
const RETRYABLE = new Set(['storage_unavailable', 'rate_limited', 'internal']);

/** How soon a device with nothing to send asks `generate` again. */
const IDLE_LOOK_MS = 5;

/** Exchanges a one-time code for a device token over HTTP. */
export async function enroll(url: string, code: string, label: string): Promise<string> {
  const response = await fetch(`${url}/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceLabel: label }),
  });
  const body = (await response.json()) as { ok: boolean; token?: string };
  if (!body.ok || !body.token) throw new Error(`enrollment of ${label} failed`);
  return body.token;
}

/**
 * A device that pushes as the app's sync engine does: an ordered outbox, sent in batches; a
 * mutation leaves the outbox only once the relay has answered it (a retryable refusal keeps it);
 * a push left unanswered (timeout, dropped link, dead relay) is sent again as is after
 * reconnecting. `generate` tops the outbox up with new work while there is some.
 */
export class LoadDevice {
  readonly socket: Socket;
  /** First answer seen for each mutation id. */
  readonly answers = new Map<string, MutationResult>();
  /** Every mutation this device ever queued, by id. */
  readonly sent = new Map<string, WireMutation>();
  /** Mutations sent in a push that has not been answered yet. */
  readonly inFlight = new Set<string>();
  /** Answers to pushes of already-answered mutations that differed from the first answer. */
  readonly changedAnswers: { first: MutationResult; again: MutationResult }[] = [];
  unansweredPushes = 0;
  /** Mutations answered with a refusal to send again (`storage_unavailable`, `rate_limited`, `internal`). */
  retried = 0;
  private outbox: WireMutation[] = [];
  private running = true;
  private loop: Promise<void> | undefined;

  constructor(
    readonly label: string,
    url: string,
    token: string,
    private readonly generate: (device: LoadDevice) => WireMutation[],
    private readonly batchSize = 25,
  ) {
    this.socket = io(url, {
      auth: { token, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 250,
      randomizationFactor: 0,
      forceNew: true,
    });
  }

  get pending(): number {
    return this.outbox.length;
  }

  get accepted(): number {
    let count = 0;
    for (const answer of this.answers.values()) if (answer.status === 'accepted') count += 1;
    return count;
  }

  start(): void {
    this.loop = this.run();
  }

  /** Stops generating; resolves once every queued mutation has an answer. */
  async drain(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  close(): void {
    this.socket.disconnect();
  }

  private async run(): Promise<void> {
    for (;;) {
      if (this.running && this.outbox.length < this.batchSize * 2) {
        for (const mutation of this.generate(this)) {
          this.sent.set(mutation.mutationId, mutation);
          this.outbox.push(mutation);
        }
      }
      if (this.outbox.length === 0) {
        if (!this.running) return;
        // Nothing to send until other devices' answers give `generate` work: look again shortly.
        await delay(IDLE_LOOK_MS);
        continue;
      }
      if (!this.socket.connected) {
        await new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
        continue;
      }
      await this.pushBatch(this.outbox.slice(0, this.batchSize));
    }
  }

  private async pushBatch(batch: readonly WireMutation[]): Promise<void> {
    for (const mutation of batch) this.inFlight.add(mutation.mutationId);
    const response = await this.push(batch);
    for (const mutation of batch) this.inFlight.delete(mutation.mutationId);
    if (!response) {
      this.unansweredPushes += 1;
      return;
    }
    if (!response.ok) {
      const retryAfter = Number((response.error.details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 100);
      // The relay said when to send them again.
      await delay(retryAfter);
      return;
    }
    const done = new Set<string>();
    for (const result of response.results) {
      if (result.status === 'rejected' && RETRYABLE.has(result.error.code)) {
        this.retried += 1;
        continue;
      }
      this.record(result);
      done.add(result.mutationId);
    }
    this.outbox = this.outbox.filter((mutation) => !done.has(mutation.mutationId));
  }

  /** Sends mutations whose answer this device already has, and checks the relay answers the same. */
  async resend(mutationIds: readonly string[]): Promise<number> {
    const batch = mutationIds.flatMap((id) => {
      const mutation = this.sent.get(id);
      return mutation ? [mutation] : [];
    });
    let checked = 0;
    for (let start = 0; start < batch.length; start += this.batchSize) {
      const response = await this.push(batch.slice(start, start + this.batchSize));
      if (!response?.ok) throw new Error(`${this.label}: a re-send got no answer`);
      for (const result of response.results) {
        this.record(result);
        checked += 1;
      }
    }
    return checked;
  }

  private record(result: MutationResult): void {
    const first = this.answers.get(result.mutationId);
    if (!first) this.answers.set(result.mutationId, result);
    else if (JSON.stringify(first) !== JSON.stringify(result)) this.changedAnswers.push({ first, again: result });
  }

  /** Undefined when the relay did not answer (timeout or the link dropped). */
  private async push(mutations: readonly WireMutation[]): Promise<PushResponse | undefined> {
    try {
      return (await this.socket.timeout(10_000).emitWithAck('push', { mutations })) as PushResponse;
    } catch {
      return undefined;
    }
  }
}

/** The reliability runs' bounded wait: a minute unless told, their loads being long. */
export function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<true> {
  return waitFor(check, what, timeoutMs);
}
