import { LIMITS, protocolError, type LogPosition, type LoggedEvent, type PullResponse, type Viewer } from '@contact-desk/shared';
import type { Logger } from '../logger.js';
import type { Storage } from '../storage/storage.js';

const READ_FAILED = protocolError('storage_unavailable', 'The relay could not read this part of its log. Try again later.');

/** Where a device's copy ends: the seq it has, and the hash it holds for it when it sends one. */
export interface PullCursor {
  readonly afterSeq: number;
  readonly afterHash?: string | undefined;
}

/** The answer to a device whose cursor is past this node's head. */
export function cursorAhead(headSeq: number): PullResponse {
  return {
    ok: false,
    error: protocolError('conflict', 'Your cursor is ahead of the relay log: resynchronise from 0.', { headSeq }),
  };
}

/**
 * The next page of events a viewer may see after their cursor, read against `head` (this node's
 * head when the pull began). With `afterHash`, the cursor is also checked against the chain: a
 * device whose copy came from a log since replaced is told to start over. `headSeq` gives the
 * head as it is when the answer is made.
 */
export async function readLogPage(
  storage: Storage,
  log: Logger,
  viewer: Viewer,
  cursor: PullCursor,
  limit: number,
  head: LogPosition,
  headSeq: () => number,
): Promise<PullResponse> {
  const { afterSeq, afterHash } = cursor;
  let hashThere: string | undefined;
  let rows: LoggedEvent[];
  const capped = Math.min(Math.max(1, limit), LIMITS.pullPageMax);
  try {
    hashThere = afterHash !== undefined && afterSeq > 0 ? await storage.hashAt(afterSeq) : afterHash;
    rows = await storage.eventsAfter(viewer, afterSeq, capped + 1);
  } catch (error) {
    // A failing disk or a damaged page: refuse this page, keep serving everything else.
    log.error({ err: error, afterSeq }, 'reading the log failed');
    return { ok: false, error: READ_FAILED };
  }
  if (hashThere !== afterHash) {
    return {
      ok: false,
      error: protocolError('conflict', 'Your copy is not from this relay log (it was restored or replaced): resynchronise from 0.', {
        headSeq: headSeq(),
        diverged: true,
      }),
    };
  }
  const hasMore = rows.length > capped;
  const events = hasMore ? rows.slice(0, capped) : rows;
  const last = events.at(-1);
  // The page may reach past that head (another node wrote since): it ends at its last event then.
  const upTo = last && (hasMore || last.seq > head.seq) ? { seq: last.seq, hash: last.hash } : head;
  return { ok: true, events, upToSeq: upTo.seq, upToHash: upTo.hash, hasMore };
}
