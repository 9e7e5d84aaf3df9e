import {
  emptyState,
  newId,
  parseMutation,
  type Actor,
  type DomainEvent,
  type LoggedEvent,
  type DomainState,
  type Mutation,
  type MutationResultData,
  type MutationType,
  type ProtocolError,
  type DeliveriesRequest,
  type DeliveriesResponse,
} from '@contact-desk/shared';
import {
  INITIAL_SYNC_STATUS,
  LocalDb,
  localCheck,
  incrementalOptimisticView,
  parseRelayAddresses,
  standingRejections,
  startingWith,
  SyncEngine,
  type EnrollOutcome,
  type Rejection,
  type RelayAddressRefusal,
  type SyncStatus,
} from '@contact-desk/sync';
import { create } from 'zustand';
import type { NativeServices } from '../native/native-services';

export type Phase = 'loading' | 'enroll' | 'ready';

export interface DeskState {
  readonly phase: Phase;
  readonly profile: string;
  /** Confirmed state with the user's pending changes on top: what every screen shows. */
  readonly view: DomainState;
  /** What the relay has recorded, without the pending changes (to tell the two apart). */
  readonly confirmed: DomainState;
  readonly pendingIds: ReadonlySet<string>;
  /** The mutations waiting for the relay's answer, in the order they were made. */
  readonly pendingMutations: readonly Mutation[];
  readonly sync: SyncStatus;
  /** Refusals not yet dismissed nor made stale, kept in the profile's local database. */
  readonly rejections: readonly Rejection[];
  /** Bumped on every change, for components that read the engine directly (timelines). */
  readonly revision: number;
}

export type PerformOutcome =
  | { readonly ok: true; readonly mutationId: string; readonly data?: MutationResultData }
  | { readonly ok: false; readonly error: ProtocolError };

/** Mutations whose answer carries a secret shown once: the UI waits for the relay. */
const AWAIT_RELAY: readonly MutationType[] = [
  'user.create',
  'user.issueEnrollmentCode',
  'webhook.create',
  'webhook.rotateSecret',
  'apiKey.issue',
];
const RELAY_ANSWER_TIMEOUT_MS = 15_000;

/** Why an enrollment failed: addresses refused as typed, no address answered, or the relay's refusal. */
export type EnrollFailure = RelayAddressRefusal | Extract<EnrollOutcome, { ok: false }>['error'];

export interface DeskActions {
  /** Reads stored credentials and starts syncing, or asks to enroll. */
  boot(profile: string, native: NativeServices): Promise<void>;
  /** Enrolls with the relay's addresses as typed (separated by commas, spaces or new lines). */
  enroll(relayAddresses: string, code: string, deviceLabel: string): Promise<EnrollFailure | null>;
  /** Validates, checks locally against the state machine, then queues the mutation. */
  perform(type: MutationType, args: unknown): Promise<PerformOutcome>;
  dismissRejection(mutationId: string): void;
  /** Forgets this device: credentials and local data. */
  signOut(): Promise<void>;
  /** Events of one request, for its timeline (from the local log). */
  timeline(requestId: string): Promise<DomainEvent[]>;
  /** Every event of the local log addressed to a platform, with its link in the relay's chain. */
  platformLog(platformId: string): Promise<LoggedEvent[]>;
  /** Relay time now, as estimated on this device. */
  relayNow(): number;
  /** A value a feature keeps in the profile's local database (e.g. the notification centre). */
  readLocal(key: string): Promise<unknown>;
  writeLocal(key: string, value: unknown): Promise<void>;
  /** A page of the relay's delivery log (the prefect only); undefined while it cannot be asked. */
  deliveries(request: DeliveriesRequest): Promise<DeliveriesResponse | undefined>;
}

/** The key of the refusals in the profile's local database. */
const REJECTIONS_KEY = 'rejections';

/** What the desk holds with no profile's data: at start-up, and again once the device is signed out. */
function emptyDesk(): Pick<DeskState, 'view' | 'confirmed' | 'pendingIds' | 'pendingMutations' | 'sync' | 'rejections'> {
  return {
    view: emptyState(),
    confirmed: emptyState(),
    pendingIds: new Set(),
    pendingMutations: [],
    sync: INITIAL_SYNC_STATUS,
    rejections: [],
  };
}

interface Runtime {
  native?: NativeServices;
  db?: LocalDb;
  engine?: SyncEngine;
  listeners: ((events: readonly DomainEvent[], live: boolean) => void)[];
}

const runtime: Runtime = { listeners: [] };

/** Lets features (notifications, badge) react to events as they arrive. */
export function onDeskEvents(listener: (events: readonly DomainEvent[], live: boolean) => void): () => void {
  runtime.listeners.push(listener);
  return () => {
    runtime.listeners = runtime.listeners.filter((candidate) => candidate !== listener);
  };
}

export const useDesk = create<DeskState & DeskActions>()((set, get) => {
  const optimisticView = incrementalOptimisticView();
  const refresh = () => {
    const engine = runtime.engine;
    if (!engine) return;
    const actor = engine.syncStatus.actor;
    const optimistic = actor
      ? optimisticView(engine.state, engine.pendingMutations, actor, Date.now() + engine.syncStatus.clockOffsetMs)
      : { state: engine.state, pendingIds: new Set<string>() };
    set((previous) => ({
      view: optimistic.state,
      confirmed: engine.state,
      pendingIds: optimistic.pendingIds,
      pendingMutations: engine.pendingMutations,
      sync: engine.syncStatus,
      revision: previous.revision + 1,
    }));
  };

  const keepRejections = (rejections: readonly Rejection[]) => {
    set({ rejections });
    void runtime.db?.meta.put({ key: REJECTIONS_KEY, value: rejections });
  };

  /** Starts syncing with the relay's addresses as stored; the engine tries them from `first`. */
  const startEngine = async (profile: string, relayUrls: string[], token: string, pendingToken?: string, first?: string) => {
    const db = runtime.db ?? new LocalDb(profile);
    runtime.db = db;
    const native = runtime.native;
    const engine = new SyncEngine({
      db,
      relayUrls: first ? startingWith(relayUrls, first) : relayUrls,
      token,
      pendingToken,
      // A rotation's new token is stored (as pending) before the relay hears of it, and the token
      // in force replaces both once the relay's answer settles it: every start connects with what
      // the relay accepts, even after an answer lost on the way back.
      storeTokens: native && ((tokens) => native.setCredentials(profile, { relayUrls, ...tokens })),
    });
    runtime.engine = engine;
    const stored = await db.meta.get(REJECTIONS_KEY);
    set({ rejections: Array.isArray(stored?.value) ? (stored.value as Rejection[]) : [] });
    engine.subscribe({
      onChange: refresh,
      onRejected: (rejection) => keepRejections([...get().rejections, rejection]),
      onEvents: (events, live) => {
        const standing = standingRejections(get().rejections, events);
        if (standing !== get().rejections) keepRejections(standing);
        runtime.listeners.forEach((listener) => listener(events, live));
      },
    });
    await engine.start();
    set({ phase: 'ready' });
    refresh();
  };

  return {
    phase: 'loading',
    profile: 'default',
    ...emptyDesk(),
    revision: 0,

    async boot(profile, native) {
      runtime.native = native;
      set({ profile });
      const credentials = await native.getCredentials(profile);
      if (!credentials) {
        set({ phase: 'enroll' });
        return;
      }
      await startEngine(profile, credentials.relayUrls, credentials.token, credentials.pendingToken);
    },

    async enroll(relayAddresses, code, deviceLabel) {
      const addresses = parseRelayAddresses(relayAddresses);
      if (!addresses.ok) return addresses.refusal;
      const { profile } = get();
      const native = runtime.native;
      if (!native) throw new Error('enroll() before boot(): no native services to enroll through');
      const outcome = await native.enroll(profile, { relayUrls: addresses.urls, code, deviceLabel });
      if (!outcome.ok) return outcome.error;
      const db = new LocalDb(profile);
      runtime.db = db;
      await db.meta.put({ key: 'actor', value: outcome.actor });
      // The Electron page reaches the relay once loaded again, under a policy that names it, and boots with the stored credentials.
      if (native.reloadAfterEnrollment()) return null;
      const credentials = await native.getCredentials(profile);
      if (!credentials) return { code: 'credentials_not_stored', message: 'Enrolled, but the credentials were not kept.' };
      // The addresses are kept in the order typed; this time the engine starts with the one that answered.
      await startEngine(profile, credentials.relayUrls, credentials.token, undefined, outcome.relayUrl);
      return null;
    },

    async perform(type, args) {
      const engine = runtime.engine;
      const actor: Actor | null = engine?.syncStatus.actor ?? null;
      if (!engine || !actor) return { ok: false, error: { code: 'unauthenticated', message: 'Not signed in.' } };
      const parsed = parseMutation({ mutationId: newId(), type, args, clientTime: Date.now() });
      if (!parsed.ok) return { ok: false, error: parsed.error };
      const refused = localCheck(get().view, actor, parsed.value, get().relayNow());
      if (refused) return { ok: false, error: refused };
      const { mutationId } = parsed.value;
      const answer = AWAIT_RELAY.includes(type) ? engine.result(mutationId) : undefined;
      await engine.enqueue(parsed.value);
      if (!answer) return { ok: true, mutationId };
      const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), RELAY_ANSWER_TIMEOUT_MS));
      const result = await Promise.race([answer, timeout]);
      if (!result) return { ok: true, mutationId };
      if (result.status === 'rejected') return { ok: false, error: result.error };
      return result.data ? { ok: true, mutationId, data: result.data } : { ok: true, mutationId };
    },

    dismissRejection(mutationId) {
      keepRejections(get().rejections.filter((rejection) => rejection.mutationId !== mutationId));
    },

    async signOut() {
      await runtime.engine?.stop();
      runtime.engine = undefined;
      const { profile } = get();
      await runtime.native?.clearCredentials(profile);
      if (runtime.db) {
        runtime.db.close();
        await runtime.db.delete();
        runtime.db = undefined;
      }
      set({ phase: 'enroll', ...emptyDesk() });
    },

    async timeline(requestId) {
      const stored = (await runtime.db?.events.where('requestId').equals(requestId).sortBy('seq')) ?? [];
      return stored.map((entry) => entry.event);
    },

    async platformLog(platformId) {
      const stored = (await runtime.db?.events.toArray()) ?? [];
      return stored
        .map((entry) => entry.event as LoggedEvent)
        .filter(
          (event) => event.audience.kind === 'platform' && event.audience.platformId === platformId && typeof event.hash === 'string',
        );
    },

    relayNow() {
      return Date.now() + get().sync.clockOffsetMs;
    },

    async readLocal(key) {
      return (await runtime.db?.meta.get(`feature:${key}`))?.value;
    },

    async writeLocal(key, value) {
      await runtime.db?.meta.put({ key: `feature:${key}`, value });
    },

    async deliveries(request) {
      return runtime.engine?.deliveries(request);
    },
  };
});
