import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSee, emptyState, isPaused, reduce, REQUEST_STATUSES, type DomainEvent, type Request, type Viewer } from '../src/index.js';
import { run, scenario } from './scenarios.js';

const RUNS = { numRuns: 150 };

/** What must hold of every request, whatever happened to it. */
function checkRequest(request: Request): void {
  expect(REQUEST_STATUSES).toContain(request.status);
  if (request.ackAt !== null) expect(request.ackAt).toBeGreaterThanOrEqual(request.createdAt);
  if (request.answeredAt !== null) {
    expect(request.answeredAt).toBeGreaterThanOrEqual(request.createdAt);
    expect(request.ackAt).not.toBeNull();
    expect(request.answeredAt).toBeGreaterThanOrEqual(request.ackAt!);
  }
  if (request.receivedAt !== null) expect(request.receivedAt).toBeGreaterThanOrEqual(request.createdAt);
  if (request.status === 'open') expect(request.ackAt).toBeNull();
  if (request.status === 'answered') expect(request.items.every((item) => item.answer !== null)).toBe(true);
  expect(isPaused(request)).toBe(request.status === 'needs_info');
  expect(request.escalationLevel).toBeGreaterThanOrEqual(0);
  expect(request.escalationLevel).toBeLessThanOrEqual(3);
}

describe('random scenarios through decide and the draft', () => {
  it('never throw, and leave every request in a known, consistent status', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { world } = run(commands);
        for (const request of world.desk.state.requests.values()) checkRequest(request);
      }),
      RUNS,
    );
  });

  it('refuse only with the expected codes; an illegal transition names the current status', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { outcomes } = run(commands);
        for (const { actor, decision, statusBefore } of outcomes) {
          if (decision.ok) continue;
          expect(['forbidden', 'not_found', 'illegal_transition', 'conflict', 'invalid_payload']).toContain(decision.error.code);
          if (decision.error.code === 'illegal_transition') expect(decision.error.details?.['status']).toBe(statusBefore);
          if (actor.role === 'observer') expect(decision.error.code).toBe('forbidden');
        }
      }),
      RUNS,
    );
  });

  it('never let a liaison act on another platform’s request', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { world, outcomes } = run(commands);
        for (const { actor, requestId, decision } of outcomes) {
          const request = requestId === null ? undefined : world.desk.state.requests.get(requestId);
          if (actor.role !== 'liaison' || !request || request.platformId === actor.platformId) continue;
          expect(decision.ok ? 'accepted' : decision.error.code).toMatch(/^(not_found|forbidden)$/);
        }
      }),
      RUNS,
    );
  });
});

describe('the reducer', () => {
  it('folds the log into the state the relay built step by step', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { desk } = run(commands).world;
        expect(reduce(emptyState(), desk.log)).toEqual(desk.state);
      }),
      RUNS,
    );
  });

  it('is deterministic: one batch or pages give the same state', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.nat(), { maxLength: 8 }), (commands, cuts) => {
        const { log } = run(commands).world.desk;
        const bounds = [...new Set(cuts.map((cut) => cut % (log.length + 1)))].sort((a, b) => a - b);
        let paged = emptyState();
        let start = 0;
        for (const end of [...bounds, log.length]) {
          paged = reduce(paged, log.slice(start, end));
          start = end;
        }
        expect(paged).toEqual(reduce(emptyState(), log));
        expect(paged.lastSeq).toBe(log.length);
      }),
      RUNS,
    );
  });

  it('ignores events at or before the last seq it applied', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (commands, picks) => {
        const { log } = run(commands).world.desk;
        const state = reduce(emptyState(), log);
        const replayed: DomainEvent[] = picks.map((pick) => log[pick % log.length]!);
        const again = reduce(state, replayed);
        expect(again).toEqual(state);
        expect(again.requests).toBe(state.requests);
        expect(again.users).toBe(state.users);
      }),
      RUNS,
    );
  });
});

describe('a viewer’s own fold of the events they may see', () => {
  const liaisons: Viewer[] = [
    { role: 'liaison', platformId: 'meta' },
    { role: 'liaison', platformId: 'tiktok' },
  ];

  it('never holds another platform’s request, user or comment, and matches the full state for theirs', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { state, log } = run(commands).world.desk;
        for (const viewer of liaisons) {
          const view = reduce(
            emptyState(),
            log.filter((event) => canSee(viewer, event.audience)),
          );
          const mine = [...state.requests.values()].filter((request) => request.platformId === viewer.platformId);
          expect([...view.requests.values()].every((request) => request.platformId === viewer.platformId)).toBe(true);
          expect(new Map(mine.map((request) => [request.id, request]))).toEqual(view.requests);
          expect([...view.users.values()].every((user) => user.platformId === viewer.platformId)).toBe(true);
          expect([...view.platforms.keys()]).toEqual([viewer.platformId]);
          for (const comment of view.comments.values()) {
            expect(comment.visibility).toBe('shared');
            expect(view.requests.has(comment.requestId)).toBe(true);
          }
        }
        const operatorView = reduce(
          emptyState(),
          log.filter((event) => canSee({ role: 'operator', platformId: null }, event.audience)),
        );
        expect(operatorView.requests).toEqual(state.requests);
        expect(operatorView.comments).toEqual(state.comments);
      }),
      RUNS,
    );
  });
});
