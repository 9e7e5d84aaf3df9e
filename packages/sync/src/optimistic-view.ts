import {
  audienceOf,
  decide,
  StateDraft,
  type Actor,
  type DomainEvent,
  type DomainState,
  type Mutation,
  type ProtocolError,
} from '@contact-desk/shared';

export interface OptimisticView {
  /** The confirmed state with the pending mutations applied on top. */
  readonly state: DomainState;
  /** Ids of requests, comments and other entities that pending mutations change. */
  readonly pendingIds: ReadonlySet<string>;
}

/**
 * Applies pending mutations to the confirmed state with the same decision the relay will make,
 * so the user sees their action at once. The relay's answer replaces it: accepted mutations come
 * back as events, rejected ones simply disappear from the overlay.
 */
export function optimisticView(confirmed: DomainState, pending: readonly Mutation[], actor: Actor, now: number): OptimisticView {
  if (pending.length === 0) return { state: confirmed, pendingIds: new Set() };
  const draft = new StateDraft(confirmed);
  let seq = confirmed.lastSeq;
  for (const mutation of pending) {
    const decision = decide({ actor, now, clientTime: mutation.clientTime, read: draft }, mutation);
    if (!decision.ok) continue;
    const events = decision.events.map((eventDraft) => {
      seq += 1;
      return {
        ...eventDraft,
        seq,
        serverTime: now,
        actor,
        mutationId: mutation.mutationId,
        clientTime: mutation.clientTime,
        audience: audienceOf(eventDraft, draft),
      } as DomainEvent;
    });
    draft.apply(events);
  }
  const pendingIds = new Set<string>();
  for (const write of draft.writes()) {
    if (write.kind === 'meetingRecordRemoved') pendingIds.add(write.id);
    else if (write.kind !== 'policy' && write.kind !== 'refCounter') pendingIds.add(write.value.id);
  }
  return { state: { ...draft.finish(), lastSeq: confirmed.lastSeq }, pendingIds };
}

/**
 * `optimisticView` computed again only when its inputs change: the confirmed state, the actor or
 * the pending mutations. Status-only changes (connection, clock offset, cursor) reuse the last
 * overlay, so screens that read it are not re-rendered and the pending mutations are not decided
 * again on every heartbeat of the sync engine.
 */
export function memoizedOptimisticView(): typeof optimisticView {
  let last: { confirmed: DomainState; actor: Actor; ids: string; view: OptimisticView } | undefined;
  return (confirmed, pending, actor, now) => {
    const ids = pending.map((mutation) => mutation.mutationId).join(',');
    if (last && last.confirmed === confirmed && last.actor === actor && last.ids === ids) return last.view;
    const view = optimisticView(confirmed, pending, actor, now);
    last = { confirmed, actor, ids, view };
    return view;
  };
}

/** What the relay would answer now, decided locally: lets the UI refuse at once. */
export function localCheck(state: DomainState, actor: Actor, mutation: Mutation, now: number): ProtocolError | null {
  const decision = decide({ actor, now, clientTime: mutation.clientTime, read: new StateDraft(state) }, mutation);
  return decision.ok ? null : decision.error;
}
