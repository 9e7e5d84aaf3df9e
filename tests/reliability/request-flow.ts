import { newId } from '@contact-desk/shared';
import type { LoadDevice, WireMutation } from './load-device';

/** One request of a load test, and the ids of the mutations that moved it along. */
export interface FlowRequest {
  readonly id: string;
  readonly platformId: string;
  readonly createId: string;
  ackId?: string;
  answerId?: string;
  closeId?: string;
}

export function wire(type: string, args: unknown): WireMutation {
  return { mutationId: newId(), type, args, clientTime: Date.now() };
}

export function isAccepted(device: LoadDevice | undefined, mutationId: string | undefined): boolean {
  return mutationId !== undefined && device?.answers.get(mutationId)?.status === 'accepted';
}

/** A removal request's creation, as the ministry sends it. */
/** A P0 removal request's creation arguments, its one item named after its id. */
export function removalArgs(requestId: string, platformId: string) {
  return {
    requestId,
    platformId,
    kind: 'removal',
    priority: 'P0',
    items: [`https://video.example/${requestId}`],
    category: 'terrorism_apology',
    grounds: 'Apologie du terrorisme.',
  };
}

export function createRequest(requestId: string, platformId: string): WireMutation {
  return wire('request.create', removalArgs(requestId, platformId));
}

/**
 * The work of a load test's devices, as people do it: the operator creates requests for the
 * platforms (while the liaisons keep up) and comments on them; each liaison acknowledges and
 * answers its platform's; the prefect closes what was answered. Each generator reads the answers
 * its device got, so the flow follows what the relay accepted.
 */
export class RequestFlow {
  readonly requests: FlowRequest[] = [];
  loading = true;
  private readonly liaisons = new Map<string, LoadDevice>();
  private operator: LoadDevice | undefined;

  constructor(private readonly platformIds: readonly string[]) {}

  /** The devices whose answers the others' work depends on. */
  attach(operator: LoadDevice, liaisons: Readonly<Record<string, LoadDevice>>): void {
    this.operator = operator;
    for (const [platformId, device] of Object.entries(liaisons)) this.liaisons.set(platformId, device);
  }

  readonly operatorWork = (self: LoadDevice): WireMutation[] => {
    // New requests only while the liaisons keep up: the load stays a mix of every device.
    if (!this.loading || this.requests.filter((request) => request.closeId === undefined).length > 150) return [];
    const batch: WireMutation[] = [];
    for (let index = 0; index < 20; index += 1) {
      const platformId = this.platformIds[this.requests.length % this.platformIds.length] as string;
      const id = newId();
      const create = createRequest(id, platformId);
      this.requests.push({ id, platformId, createId: create.mutationId });
      batch.push(create);
    }
    const created = this.requests.filter((request) => isAccepted(self, request.createId));
    for (const request of created.slice(-5)) {
      batch.push(wire('comment.add', { commentId: newId(), requestId: request.id, body: 'Priorité haute.' }));
    }
    return batch;
  };

  liaisonWork(platformId: string): (self: LoadDevice) => WireMutation[] {
    return (self) => {
      const batch: WireMutation[] = [];
      for (const request of this.requests) {
        if (batch.length >= 25) break;
        if (request.platformId !== platformId || !isAccepted(this.operator, request.createId)) continue;
        if (request.ackId === undefined) {
          const ack = wire('request.acknowledge', { requestId: request.id });
          request.ackId = ack.mutationId;
          batch.push(ack, wire('comment.add', { commentId: newId(), requestId: request.id, body: 'Pris en compte.' }));
        } else if (request.answerId === undefined && isAccepted(self, request.ackId)) {
          const answer = wire('request.answer', { requestId: request.id, items: [{ itemId: `${request.id}/1`, outcome: 'removed' }] });
          request.answerId = answer.mutationId;
          batch.push(answer);
        }
      }
      return batch;
    };
  }

  readonly prefectWork = (): WireMutation[] => {
    const batch: WireMutation[] = [];
    for (const request of this.requests) {
      if (batch.length >= 25) break;
      if (request.closeId !== undefined || !isAccepted(this.liaisons.get(request.platformId), request.answerId)) continue;
      const close = wire('request.close', { requestId: request.id, note: 'Retrait constaté.' });
      request.closeId = close.mutationId;
      batch.push(close);
    }
    return batch;
  };

  /** Every request created has its answer, and every one accepted has been closed. */
  finished(): boolean {
    const operator = this.operator;
    return (
      this.requests.every((request) => operator?.answers.has(request.createId) ?? false) &&
      this.requests.filter((request) => isAccepted(operator, request.createId)).every((request) => request.closeId !== undefined)
    );
  }
}
