/**
 * Random scenarios for the property tests: mutations by random actors on random requests
 * (including requests of another platform and requests that do not exist), receipts, and the
 * passing of time with the deadline watcher.
 */
import fc from 'fast-check';
import type { Actor, Decision, MutationInput } from '../src/index.js';
import { MINUTE, seeded, uuid, type Desk, type Seeded } from './fixtures.js';

const STEPS = [
  'acknowledge',
  'requestInfo',
  'provideInfo',
  'answer',
  'contest',
  'withdraw',
  'close',
  'reopen',
  'escalate',
  'edit',
  'comment',
] as const;
type Step = (typeof STEPS)[number];

const ANSWERS = [
  { outcome: 'removed' },
  { outcome: 'not_found' },
  { outcome: 'refused', reason: 'Lawful speech.' },
  { outcome: 'cannot_execute', reason: 'Offline.', ground: 'force_majeure' },
] as const satisfies readonly Omit<MutationInput<'request.answer'>['items'][number], 'itemId'>[];

/** `actor: null` means the user entitled to the step: the operator, or a liaison of the request's platform. */
export type Command =
  | { kind: 'create'; actor: number | null; platform: string; priority: string; items: number }
  | { kind: 'step'; actor: number | null; step: Step; target: number; pick: number; flag: boolean }
  | { kind: 'receive'; target: number }
  | { kind: 'tick'; minutes: number };

const actorIndex: fc.Arbitrary<number | null> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.nat({ max: 5 }) },
);
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      actor: actorIndex,
      platform: fc.constantFrom('meta', 'meta', 'tiktok', 'tiktok', 'nowhere'),
      priority: fc.constantFrom('P0', 'P1', 'P2', 'P1', 'P9'),
      items: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('step' as const),
      actor: actorIndex,
      step: fc.constantFrom(...STEPS),
      target: fc.nat(),
      pick: fc.nat(),
      flag: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('receive' as const), target: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 300 }) }),
  },
);

export const scenario = fc.array(command, { minLength: 1, maxLength: 60, size: 'max' });

export interface Outcome {
  readonly actor: Actor;
  readonly requestId: string | null;
  readonly decision: Decision;
  /** The status of the target request just before the decision. */
  readonly statusBefore: string | null;
}

/** Runs a scenario on a seeded desk; returns the desk and every decision taken. */
export function run(commands: readonly Command[]): { world: Seeded; outcomes: Outcome[] } {
  const world = seeded();
  const { desk } = world;
  const actors = [world.prefect, world.operator, world.observer, world.metaLiaison, world.metaBackup, world.tiktokLiaison];
  const requestIds: string[] = [];
  const outcomes: Outcome[] = [];
  /** One of the requests created so far, or (one time in 3n + 1) a request that does not exist. */
  const targetOf = (n: number) => {
    const slot = n % (3 * requestIds.length + 1);
    return slot === 3 * requestIds.length ? uuid(0xdead) : requestIds[slot % requestIds.length]!;
  };

  for (const [index, cmd] of commands.entries()) {
    switch (cmd.kind) {
      case 'tick':
        desk.tick(cmd.minutes * MINUTE).watch();
        break;
      case 'receive':
        if (requestIds.length > 0) desk.receive(targetOf(cmd.target));
        break;
      case 'create': {
        const actor = cmd.actor === null ? world.operator : actors[cmd.actor]!;
        const requestId = desk.freshId();
        const items = Array.from({ length: cmd.items }, (_, item) => `https://www.${cmd.platform}.com/p/${index}-${item}`);
        const { decision } = desk.submit(actor, 'request.create', {
          requestId,
          platformId: cmd.platform,
          kind: cmd.items === 3 ? 'preservation' : 'removal',
          priority: cmd.priority,
          items,
          category: 'hate',
          grounds: 'Hate speech.',
        });
        if (decision.ok) requestIds.push(requestId);
        outcomes.push({ actor, requestId, decision, statusBefore: null });
        break;
      }
      case 'step': {
        const requestId = targetOf(cmd.target);
        const actor = cmd.actor === null ? entitled(world, cmd, requestId) : actors[cmd.actor]!;
        const statusBefore = desk.state.requests.get(requestId)?.status ?? null;
        const decision = takeStep(desk, actor, cmd, requestId, index);
        outcomes.push({ actor, requestId, decision, statusBefore });
        break;
      }
    }
  }
  return { world, outcomes };
}

const LIAISON_STEPS: readonly Step[] = ['acknowledge', 'requestInfo', 'answer', 'contest'];

function entitled(world: Seeded, cmd: Extract<Command, { kind: 'step' }>, requestId: string): Actor {
  if (!LIAISON_STEPS.includes(cmd.step) && !(cmd.step === 'comment' && !cmd.flag)) return world.operator;
  const platformId = world.desk.state.requests.get(requestId)?.platformId;
  if (platformId === 'tiktok') return world.tiktokLiaison;
  return cmd.pick % 2 === 0 ? world.metaLiaison : world.metaBackup;
}

function takeStep(desk: Desk, actor: Actor, cmd: Extract<Command, { kind: 'step' }>, requestId: string, index: number): Decision {
  const request = desk.state.requests.get(requestId);
  const itemIds = request ? request.items.map((item) => item.id) : [`${requestId}/1`];
  switch (cmd.step) {
    case 'acknowledge':
      return desk.submit(actor, 'request.acknowledge', { requestId }).decision;
    case 'requestInfo':
      return desk.submit(actor, 'request.requestInfo', { requestId, question: 'Which one?' }).decision;
    case 'provideInfo':
      return desk.submit(actor, 'request.provideInfo', { requestId, answer: 'That one.' }).decision;
    case 'answer': {
      const chosen = itemIds.filter((_, item) => (cmd.pick >> item) & 1);
      const items = (chosen.length > 0 ? chosen : itemIds.slice(0, 1)).map((itemId, item) => ({
        itemId,
        ...ANSWERS[(cmd.pick + item) % ANSWERS.length]!,
      }));
      return desk.submit(actor, 'request.answer', { requestId, items }).decision;
    }
    case 'contest':
      return desk.submit(actor, 'request.contest', { requestId, reason: 'Lawful.' }).decision;
    case 'withdraw':
      return desk.submit(actor, 'request.withdraw', { requestId, reason: 'Mistake.' }).decision;
    case 'close':
      return desk.submit(actor, 'request.close', { requestId }).decision;
    case 'reopen':
      return desk.submit(actor, 'request.reopen', { requestId, reason: 'Back online.' }).decision;
    case 'escalate':
      return desk.submit(actor, 'request.escalate', { requestId, note: 'No news.' }).decision;
    case 'edit': {
      const location = cmd.flag ? (request?.items[0]?.location ?? 'a.com/x') : `https://example.com/added/${index}`;
      return desk.submit(actor, 'request.edit', { requestId, patch: { addItems: [location], pharosRef: 'PH-1' } }).decision;
    }
    case 'comment':
      return desk.submit(actor, 'comment.add', {
        requestId,
        commentId: desk.freshId(),
        body: 'A comment.',
        visibility: cmd.flag ? 'ministry' : 'shared',
      }).decision;
  }
}
