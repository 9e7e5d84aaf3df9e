import type { Actor } from '../domain/user.js';
import type { LogPosition } from '../protocol/chain.js';
import type { ProtocolError } from '../protocol/errors.js';
import type { EventDraft } from '../protocol/events.js';
import type { MutationResultData } from '../protocol/messages.js';
import type { ReadModel } from './state.js';

/** What a decision may look at: who acts, the relay's time, and the entities. */
export interface DecideContext {
  readonly actor: Actor;
  readonly now: number;
  /** The acting device's own clock, as it claimed; recorded, never trusted for SLA. */
  readonly clientTime: number | null;
  readonly read: ReadModel;
  /**
   * The log's head before this mutation's events: where adopted minutes are frozen. The relay
   * always gives it; a client deciding ahead of the relay may not know it.
   */
  readonly head?: LogPosition;
}

export type Decision =
  | { readonly ok: true; readonly events: readonly EventDraft[]; readonly data?: MutationResultData }
  | { readonly ok: false; readonly error: ProtocolError };

export function accept(events: readonly EventDraft[], data?: MutationResultData): Decision {
  return data === undefined ? { ok: true, events } : { ok: true, events, data };
}

export function reject(error: ProtocolError): Decision {
  return { ok: false, error };
}

/** How long a one-time enrollment code stays valid. */
export const ENROLLMENT_CODE_TTL_MS = 72 * 3_600_000;

/** Default retention of a preservation request (TCO Regulation: six months). */
export const DEFAULT_RETENTION_MS = 183 * 24 * 3_600_000;
