/**
 * Figure — an action taken with 1,000 offline mutations waiting for the relay, against the same
 * action with nothing waiting. The action goes through the desk's store as the UI calls it
 * (`perform`: parse, local check against the view, durable outbox write, the view with the new
 * mutation on top), on a device offline whose local copy holds 2,000 requests with a comment
 * each (IndexedDB in memory: fake-indexeddb). The note gives the cost of computing the view again
 * from the confirmed state, what every action cost before the view was kept incrementally.
 */
import { emptyState, GENESIS_HASH } from '@contact-desk/shared';
import { applyPage, LocalDb, optimisticView } from '@contact-desk/sync';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRequest, seeded, type Desk } from '../../../packages/shared/test/fixtures';
import { freePort } from '../../../tests/support/relay-process';
import { useDesk, type DeskActions } from '../src/renderer/src/state/desk-store';
import { log, median, now, until, type Figure } from './common';

const REQUESTS = 2_000;
const PENDING = 1_000;
const SAMPLES = 40;
const PROFILE = 'bench-pending';

type BootPlatform = Parameters<DeskActions['boot']>[1];

/** A device enrolled against a relay that does not answer: every action stays pending. */
function offlinePlatform(relayUrl: string): BootPlatform {
  const credentials = { relayUrls: [relayUrl], token: 'bench-token' };
  return {
    kind: 'web',
    saveFile: () => Promise.resolve(false),
    printToPdf: () => Promise.resolve(false),
    notify: () => Promise.resolve(),
    setBadge: () => undefined,
    getCredentials: () => Promise.resolve(credentials),
    setCredentials: () => Promise.resolve(),
    clearCredentials: () => Promise.resolve(),
    enroll: () => Promise.reject(new Error('the bench device is enrolled already')),
    reloadAfterEnrollment: () => false,
  };
}

/** The relay's log of a desk with `REQUESTS` requests and a comment on each, stored as the device keeps it. */
async function storeLocalCopy(desk: Desk, operator: ReturnType<typeof seeded>['operator']): Promise<string[]> {
  const requestIds = [...desk.state.requests.keys()];
  for (let i = requestIds.length; i < REQUESTS; i++) requestIds.push(createRequest(desk, operator));
  if (desk.state.comments.size === 0)
    for (const requestId of requestIds)
      desk.must(operator, 'comment.add', { requestId, commentId: desk.freshId(), body: 'Sent to the platform.', visibility: 'shared' });
  const db = new LocalDb(PROFILE);
  await applyPage(db, emptyState(), desk.log, { seq: desk.state.lastSeq, hash: GENESIS_HASH });
  await db.meta.put({ key: 'actor', value: operator });
  db.close();
  return requestIds;
}

/** ms of each of `count` comments added through the store, one after the other. */
async function act(desk: Desk, requestIds: readonly string[], count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const requestId = requestIds[i % requestIds.length]!;
    const start = now();
    const outcome = await useDesk.getState().perform('comment.add', { requestId, commentId: desk.freshId(), body: 'Called the platform.' });
    times.push(now() - start);
    if (!outcome.ok) throw new Error(`the bench action was refused: ${outcome.error.message}`);
  }
  return times;
}

/** Boots the desk offline on a fresh copy of the local data. */
async function bootOffline(desk: Desk, operator: ReturnType<typeof seeded>['operator'], relayUrl: string): Promise<string[]> {
  const requestIds = await storeLocalCopy(desk, operator);
  await useDesk.getState().boot(PROFILE, offlinePlatform(relayUrl));
  await until(() => useDesk.getState().phase === 'ready' && !useDesk.getState().sync.loadingLocal, 30_000);
  return requestIds;
}

export async function benchPending(): Promise<Figure[]> {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const { desk, operator } = seeded();
  const relayUrl = `http://127.0.0.1:${await freePort()}`;
  // A first device run warms the compiled code up, so the baseline (the first actions) is not charged for it.
  await act(desk, await bootOffline(desk, operator, relayUrl), SAMPLES);
  await useDesk.getState().signOut();
  const requestIds = await bootOffline(desk, operator, relayUrl);
  try {
    const none = median(await act(desk, requestIds, SAMPLES));
    await act(desk, requestIds, PENDING - SAMPLES);
    if (useDesk.getState().pendingMutations.length !== PENDING) throw new Error('the actions did not all stay pending');
    const many = median(await act(desk, requestIds, SAMPLES));
    const { confirmed, pendingMutations } = useDesk.getState();
    const full: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = now();
      optimisticView(confirmed, pendingMutations, operator, Date.now());
      full.push(now() - start);
    }
    log(
      `pending: action with 0–${SAMPLES - 1} pending ${none.toFixed(2)} ms, with ${PENDING} ${many.toFixed(2)} ms; full view ${median(full).toFixed(1)} ms`,
    );
    return [
      {
        figure: `action with ${PENDING} offline mutations pending (median of ${SAMPLES})`,
        value: many,
        baseline: none,
        baselineLabel: `the first ${SAMPLES} actions, 0–${SAMPLES - 1} pending`,
        targetMs: 2 * none,
        note: `${REQUESTS} requests and ${REQUESTS} comments held; the view decided again from the confirmed state with ${PENDING} pending: ${median(full).toFixed(1)} ms`,
      },
    ];
  } finally {
    await useDesk.getState().signOut();
  }
}
