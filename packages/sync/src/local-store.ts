import {
  DEFAULT_POLICY,
  StateDraft,
  type Device,
  type DomainEvent,
  type DomainState,
  type EntityWrite,
  type LogPosition,
  type Campaign,
  type Integration,
  type MeetingRecord,
  type Platform,
  type PriorityPolicy,
  type User,
  type Viewer,
} from '@contact-desk/shared';
import { requestIdOf, type LocalDb, type StoredEntity } from './local-db.js';

export interface LoadedState {
  readonly state: DomainState;
  /** Every event this device may see up to here has been applied. */
  readonly cursor: number;
  /** The hash of the relay's log at the cursor, to cite in exports; null before the first sync. */
  readonly cursorHash: string | null;
}

/** How many of the newest requests are read first, so the queue shows before the rest is read. */
export const FIRST_SLICE = 2_000;

/**
 * Reads the projections back into a state (at start-up, or after a reset). With `firstSlice`,
 * only the newest requests (ids are time-ordered UUIDv7) are read; `loadRemainingRequests`
 * completes the state. Nothing else writes until the load is complete.
 */
export async function loadState(db: LocalDb, firstSlice?: number): Promise<LoadedState> {
  return db.transaction('r', [db.requests, db.comments, db.entities, db.meta], async () => {
    const [requests, comments, entities, cursorEntry, lastSeqEntry, cursorHashEntry] = await Promise.all([
      firstSlice === undefined ? db.requests.toArray() : db.requests.orderBy(':id').reverse().limit(firstSlice).toArray(),
      db.comments.toArray(),
      db.entities.toArray(),
      db.meta.get('cursor'),
      db.meta.get('lastSeq'),
      db.meta.get('cursorHash'),
    ]);
    const of = <T>(kind: StoredEntity['kind']) => entities.filter((entity) => entity.kind === kind).map((entity) => entity.value as T);
    const policy = of<PriorityPolicy>('policy')[0] ?? DEFAULT_POLICY;
    const state: DomainState = {
      lastSeq: typeof lastSeqEntry?.value === 'number' ? lastSeqEntry.value : 0,
      policy,
      platforms: new Map(of<Platform>('platform').map((platform) => [platform.id, platform])),
      users: new Map(of<User>('user').map((user) => [user.id, user])),
      devices: new Map(of<Device>('device').map((device) => [device.id, device])),
      requests: new Map(requests.map((request) => [request.id, request])),
      comments: new Map(comments.map((comment) => [comment.id, comment])),
      refCounters: new Map(
        entities.filter((entity) => entity.kind === 'refCounter').map((entity) => [Number(entity.id), entity.value as number]),
      ),
      meetingRecords: new Map(of<MeetingRecord>('meetingRecord').map((record) => [record.id, record])),
      integrations: new Map(of<Integration>('integration').map((integration) => [integration.id, integration])),
      campaigns: new Map(of<Campaign>('campaign').map((campaign) => [campaign.id, campaign])),
    };
    return {
      state,
      cursor: typeof cursorEntry?.value === 'number' ? cursorEntry.value : 0,
      cursorHash: typeof cursorHashEntry?.value === 'string' ? cursorHashEntry.value : null,
    };
  });
}

/**
 * How many requests one read of the rest brings back. The browser turns a read's result into
 * objects in one task on the page's thread (about 35 µs a request on a busy 2-core machine): a
 * thousand keeps each task far below what a user notices.
 */
export const REST_CHUNK = 1_000;

/**
 * The requests older than the slice already read, merged into the state, read oldest first in
 * chunks of `REST_CHUNK`: the page gets the event loop back between two chunks.
 */
export async function loadRemainingRequests(db: LocalDb, state: DomainState): Promise<DomainState> {
  let oldest: string | undefined;
  for (const id of state.requests.keys()) if (oldest === undefined || id < oldest) oldest = id;
  if (oldest === undefined) return state;
  const requests = new Map(state.requests);
  let after: string | undefined;
  for (;;) {
    const range =
      after === undefined ? db.requests.where(':id').below(oldest) : db.requests.where(':id').between(after, oldest, false, false);
    const chunk = await range.limit(REST_CHUNK).toArray();
    for (const request of chunk) requests.set(request.id, request);
    if (chunk.length < REST_CHUNK) break;
    after = chunk.at(-1)!.id;
  }
  return requests.size === state.requests.size ? state : { ...state, requests };
}

function lastWrites(writes: readonly EntityWrite[]) {
  const requests = new Map<string, Extract<EntityWrite, { kind: 'request' }>['value']>();
  const comments = new Map<string, Extract<EntityWrite, { kind: 'comment' }>['value']>();
  const entities = new Map<string, StoredEntity>();
  const removed = new Set<string>();
  for (const write of writes) {
    switch (write.kind) {
      case 'meetingRecordRemoved':
        entities.delete(`meetingRecord:${write.id}`);
        removed.add(write.id);
        break;
      case 'meetingRecord':
        removed.delete(write.value.id);
        entities.set(`meetingRecord:${write.value.id}`, { kind: 'meetingRecord', id: write.value.id, value: write.value });
        break;
      case 'request':
        requests.set(write.value.id, write.value);
        break;
      case 'comment':
        comments.set(write.value.id, write.value);
        break;
      case 'policy':
        entities.set('policy:', { kind: 'policy', id: '', value: write.value });
        break;
      case 'refCounter':
        entities.set(`refCounter:${write.year}`, { kind: 'refCounter', id: String(write.year), value: write.value });
        break;
      default:
        entities.set(`${write.kind}:${write.value.id}`, { kind: write.kind, id: write.value.id, value: write.value });
    }
  }
  return {
    requests: [...requests.values()],
    comments: [...comments.values()],
    entities: [...entities.values()],
    removedRecords: [...removed].map((id): [string, string] => ['meetingRecord', id]),
  };
}

/**
 * Folds a page of events into the state and stores events, projections and the new cursor in
 * one IndexedDB transaction: after a crash the device has all of the page or none of it.
 */
export async function applyPage(
  db: LocalDb,
  state: DomainState,
  events: readonly DomainEvent[],
  cursor: LogPosition,
  holder?: Viewer,
): Promise<DomainState> {
  const fresh = events.filter((event) => event.seq > state.lastSeq);
  const draft = new StateDraft(state, holder).apply(fresh);
  const next = draft.finish();
  const { requests, comments, entities, removedRecords } = lastWrites(draft.writes());
  const confirmedIds = fresh.flatMap((event) => (event.mutationId ? [event.mutationId] : []));
  await db.transaction('rw', [db.events, db.requests, db.comments, db.entities, db.meta, db.outbox], async () => {
    if (fresh.length > 0) {
      await db.events.bulkPut(fresh.map((event) => ({ seq: event.seq, requestId: requestIdOf(event), event })));
      if (requests.length > 0) await db.requests.bulkPut(requests);
      if (comments.length > 0) await db.comments.bulkPut(comments);
      if (entities.length > 0) await db.entities.bulkPut(entities);
      if (removedRecords.length > 0) await db.entities.bulkDelete(removedRecords);
      await db.meta.put({ key: 'lastSeq', value: next.lastSeq });
    }
    await db.meta.bulkPut([
      { key: 'cursor', value: cursor.seq },
      { key: 'cursorHash', value: cursor.hash },
    ]);
    if (confirmedIds.length > 0) await db.outbox.where('mutationId').anyOf(confirmedIds).delete();
  });
  return next;
}

/** Forgets everything synced (e.g. the relay's log was replaced); keeps the outbox. */
export async function resetSynced(db: LocalDb): Promise<void> {
  await db.transaction('rw', [db.events, db.requests, db.comments, db.entities, db.meta], async () => {
    await Promise.all([db.events.clear(), db.requests.clear(), db.comments.clear(), db.entities.clear()]);
    await db.meta.bulkDelete(['cursor', 'cursorHash', 'lastSeq']);
  });
}
