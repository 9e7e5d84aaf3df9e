import type { DomainEvent, MutationResult, Request } from '@contact-desk/shared';
import { planned, type EngineDevice } from './engine-device';

/** What a liaison answers for an item: mostly removed, some already gone, some geo-blocked. */
function outcomeOf(index: number): 'removed' | 'not_found' | 'geo_blocked' {
  return index % 10 === 0 ? 'not_found' : index % 10 === 1 ? 'geo_blocked' : 'removed';
}

/**
 * A liaison at the desk during a crisis: the requests that reach the device together (live or
 * pulled) are acknowledged together, one `request.acknowledge` each, queued in one go as a bulk
 * action is; each acknowledgement the relay accepts is followed by one `request.answer` with an
 * outcome for every item. Two liaisons of a platform race on every request: one must be refused.
 */
export class LiaisonDesk {
  /** When each request of the platform reached this device (`Date.now()`, once applied locally). */
  readonly arrivals = new Map<string, number>();
  /** From the relay's creation event to the request's arrival here, in ms. */
  readonly latencies: number[] = [];
  /** The relay's answers, by request. */
  readonly acks = new Map<string, MutationResult>();
  readonly answers = new Map<string, MutationResult>();
  private readonly toAcknowledge: string[] = [];
  private readonly toAnswer: string[] = [];
  private working: Promise<void> | undefined;

  constructor(
    readonly device: EngineDevice,
    readonly platformId: string,
  ) {
    device.engine.subscribe({ onChange: () => undefined, onEvents: (events) => this.arrive(events) });
  }

  /** Whether this device holds every one of these requests. */
  holds(requestIds: Iterable<string>): boolean {
    for (const id of requestIds) if (!this.arrivals.has(id)) return false;
    return true;
  }

  private arrive(events: readonly DomainEvent[]): void {
    const now = Date.now();
    for (const event of events) {
      if (event.type !== 'request.created') continue;
      const { id } = (event.payload as { request: Request }).request;
      if (this.arrivals.has(id)) continue;
      this.arrivals.set(id, now);
      this.latencies.push(now - event.serverTime);
      this.toAcknowledge.push(id);
    }
    this.work();
  }

  private work(): void {
    this.working ??= this.send().finally(() => {
      this.working = undefined;
      if (this.toAcknowledge.length > 0 || this.toAnswer.length > 0) this.work();
    });
  }

  private async send(): Promise<void> {
    while (this.toAcknowledge.length > 0 || this.toAnswer.length > 0) {
      await this.sendAll(
        'request.acknowledge',
        this.toAcknowledge.splice(0),
        (requestId) => ({ requestId }),
        (requestId, result) => {
          this.acks.set(requestId, result);
          if (result.status !== 'accepted') return;
          this.toAnswer.push(requestId);
          this.work();
        },
      );
      await this.sendAll(
        'request.answer',
        this.toAnswer.splice(0),
        (requestId) => ({ requestId, items: this.answerOf(requestId) }),
        (requestId, result) => this.answers.set(requestId, result),
      );
    }
  }

  private answerOf(requestId: string) {
    const request = this.device.engine.state.requests.get(requestId);
    if (!request) throw new Error(`${this.device.label}: ${requestId} acknowledged but not held`);
    return request.items.map((item, index) => ({ itemId: item.id, outcome: outcomeOf(index) }));
  }

  /** One mutation per request, queued in one go; `then` gets the relay's answer to each. */
  private async sendAll(
    type: string,
    requestIds: readonly string[],
    argsOf: (requestId: string) => unknown,
    then: (requestId: string, result: MutationResult) => void,
  ): Promise<void> {
    const mutations = requestIds.map((requestId) => {
      const mutation = planned(type, argsOf(requestId), this.device.now());
      void this.device.engine.result(mutation.mutationId).then((result) => then(requestId, result));
      return mutation;
    });
    await this.device.engine.enqueueAll(mutations);
  }
}
