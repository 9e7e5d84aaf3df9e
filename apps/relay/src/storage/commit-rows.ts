import type { LoggedEvent } from '@contact-desk/shared';
import type { StoredMutationResult } from './storage.js';

/**
 * The columns a commit writes for an event and for a mutation's answer, named as in every
 * engine's tables: which field lands in which column is decided once, whatever the SQL around it.
 */

/** The request an event belongs to: its `requestId`, or its request's id, or its comment's request. */
export function requestIdOf(event: LoggedEvent): string | null {
  const payload = event.payload as { requestId?: unknown; request?: { id?: unknown }; comment?: { requestId?: unknown } };
  const id = payload.requestId ?? payload.request?.id ?? payload.comment?.requestId;
  return typeof id === 'string' ? id : null;
}

/** An event's row in `events` (a `platforms` audience's platforms go to `event_platforms`). */
export function eventColumns(event: LoggedEvent) {
  const { audience } = event;
  return {
    seq: event.seq,
    server_time: event.serverTime,
    type: event.type,
    actor_id: event.actor.userId,
    actor: JSON.stringify(event.actor),
    mutation_id: event.mutationId,
    client_time: event.clientTime,
    audience: audience.kind,
    platform_id: audience.kind === 'platform' ? audience.platformId : null,
    request_id: requestIdOf(event),
    // Written as JSON text and parsed back as it was: the chain hashes the event's content.
    payload: JSON.stringify(event.payload),
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}

/** A mutation's recorded answer in `mutations`. */
export function mutationColumns(mutationId: string, stored: StoredMutationResult & { readonly receivedAt: number }) {
  return {
    mutation_id: mutationId,
    user_id: stored.userId,
    received_at: stored.receivedAt,
    status: stored.result.status,
    result: JSON.stringify(stored.result),
    request_hash: stored.requestHash ?? null,
  };
}
