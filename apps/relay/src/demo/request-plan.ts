import {
  CATEGORIES,
  campaignSlaTerms,
  newId,
  slaTermsFor,
  DEFAULT_POLICY,
  itemIdFor,
  type Campaign,
  type Category,
} from '@contact-desk/shared';
import { perform } from '../cli/admin-actions.js';
import type { RelayCore } from '../core/relay-core.js';
import type { Session } from '../core/session.js';
import { delayAround, pick, type DemoData, type DemoPlatform } from './demo-data.js';
import type { DemoPeople } from './demo-people.js';

/** One step of the demo history, run when the relay's clock reaches `at`. */
export interface TimedStep {
  readonly at: number;
  readonly run: (core: RelayCore) => Promise<unknown>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PRIORITY_SPEED: Record<string, number> = { P0: 0.45, P1: 1, P2: 2.5 };

function priorityOf(random: () => number): string {
  const roll = random();
  return roll < 0.16 ? 'P0' : roll < 0.46 ? 'P1' : 'P2';
}

function categoryOf(random: () => number, priority: string): Category {
  if (priority === 'P0') return pick(random, ['terrorism_apology', 'terrorism_incitement', 'terrorist_recruitment'] as const);
  return pick(random, CATEGORIES);
}

function kindOf(random: () => number, platform: DemoPlatform): string {
  if (platform.kind === 'access_provider') return 'blocking';
  if (platform.kind === 'search_engine' && random() < 0.3) return 'delisting';
  const roll = random();
  return roll < 0.8 ? 'removal' : roll < 0.9 ? 'preservation' : roll < 0.96 ? 'information' : 'escalation';
}

function locationsFor(random: () => number, platform: DemoPlatform): string[] {
  const roll = random();
  const count = roll < 0.6 ? 1 : roll < 0.9 ? 2 + Math.floor(random() * 3) : 5 + Math.floor(random() * 4);
  const id = () =>
    Math.floor(random() * 36 ** 8)
      .toString(36)
      .padStart(8, '0');
  return Array.from({ length: count }, () =>
    platform.kind === 'access_provider'
      ? `https://${id()}-propaganda.example.org/`
      : `https://www.${platform.domain}/${pick(random, platform.paths)}${id()}`,
  );
}

function outcomeOf(random: () => number, kind: string) {
  if (kind === 'preservation') return { outcome: 'preserved' };
  if (kind === 'information') return { outcome: 'information_supplied' };
  const roll = random();
  if (roll < 0.78) return { outcome: 'removed' };
  if (roll < 0.84) return { outcome: 'geo_blocked' };
  if (roll < 0.9) return { outcome: 'account_suspended' };
  if (roll < 0.95) return { outcome: 'not_found' };
  return { outcome: 'refused', reason: 'refusal' };
}

/**
 * The life of one demo request, following its platform's habits: receipt, acknowledgement
 * (sometimes late, sometimes never), questions, answers item by item, closing, comments.
 */
export function planRequest(
  random: () => number,
  data: DemoData,
  { people, campaigns }: { readonly people: DemoPeople; readonly campaigns: readonly (Campaign | null)[] },
  platform: DemoPlatform,
  createdAt: number,
  now: number,
): TimedStep[] {
  const steps: TimedStep[] = [];
  const profile = platform.profile;
  const [main, backup] = people.liaisons.get(platform.id) ?? [];
  if (!main || !backup) return steps;
  const operator: Session = random() < 0.1 ? people.prefect : pick(random, people.operators);
  const liaison = random() < 0.8 ? main : backup;
  const requestId = newId();
  const priority = priorityOf(random);
  const kind = kindOf(random, platform);
  const category = categoryOf(random, priority);
  const items = locationsFor(random, platform);
  const terms = slaTermsFor(DEFAULT_POLICY, priority);
  if (!terms) return steps;
  const campaign = pick(random, campaigns);
  // A campaign's tighter terms are the request's: its deadlines are checked when they fall.
  const sla = campaignSlaTerms(terms, campaign ?? undefined);
  const speed = (PRIORITY_SPEED[priority] ?? 1) * (random() < profile.slowShare ? 4 : 1);
  const add = (at: number, run: TimedStep['run']) => {
    if (at <= now) steps.push({ at, run });
  };
  const act = (session: Session, type: Parameters<typeof perform>[1], args: object, clientTime?: number) => (core: RelayCore) =>
    perform(core, type, { requestId, ...args }, session, clientTime === undefined ? null : Math.round(clientTime));

  add(
    createdAt,
    act(operator, 'request.create', {
      platformId: platform.id,
      kind,
      priority,
      items,
      category,
      grounds: pick(random, data.grounds[category] ?? ['Contenu manifestement illicite.']),
      pharosRef:
        random() < 0.7 ? `PH-${new Date(createdAt).getUTCFullYear()}-${String(Math.floor(random() * 99_999)).padStart(5, '0')}` : null,
      campaignId: campaign?.id ?? null,
      doNotInform: category.startsWith('terror') && random() < 0.5,
    }),
  );
  const receivedAt = Math.round(createdAt + (random() < profile.offlineShare ? HOUR + random() * 9 * HOUR : 2_000 + random() * 50_000));
  add(receivedAt, (core) => core.recordReceipt(requestId, liaison.device.id));
  const ackDue = createdAt + sla.ackMs;
  for (let step = 0; step < 3; step += 1) add(ackDue + step * sla.ackMs, (core) => core.checkDeadlines([requestId]));

  if (random() < 0.03) {
    add(createdAt + HOUR * (1 + random() * 5), act(operator, 'request.withdraw', { reason: 'Contenu déjà retiré par son auteur.' }));
    return steps;
  }
  if (random() < profile.neverAckShare) return steps;
  const ackAt = Math.max(receivedAt + 15_000, createdAt + delayAround(random, profile.ackMedianMin * speed));
  const offlineAck = random() < 0.06;
  add(ackAt, act(liaison, 'request.acknowledge', {}, offlineAck ? ackAt - (10 + random() * 40) * MINUTE : ackAt));
  add(receivedAt + sla.actionMs + 1_000, (core) => core.checkDeadlines([requestId]));

  let cursor = ackAt;
  if (random() < (now - createdAt < 6 * HOUR ? 0.3 : 0.08)) {
    const askedAt = ackAt + (2 + random() * 20) * MINUTE;
    const index = Math.floor(random() * data.questions.length);
    add(askedAt, act(liaison, 'request.requestInfo', { question: data.questions[index] ?? '?' }));
    cursor = askedAt + (20 + random() * 160) * MINUTE;
    add(cursor, act(operator, 'request.provideInfo', { answer: data.clarifications[index] ?? '…' }));
  }
  if (random() < 0.25) {
    add(
      createdAt + (3 + random() * 30) * MINUTE,
      act(operator, 'comment.add', {
        commentId: newId(),
        body: pick(random, data.comments.ministry),
        visibility: random() < 0.2 ? 'ministry' : 'shared',
      }),
    );
    add(
      cursor + (1 + random() * 30) * MINUTE,
      act(liaison, 'comment.add', { commentId: newId(), body: pick(random, data.comments.liaison) }),
    );
  }
  if (random() < 0.02) {
    add(cursor + 30 * MINUTE, act(liaison, 'request.contest', { reason: pick(random, data.refusals) }));
    return steps;
  }
  if (random() < profile.neverAnswerShare) return steps;
  const answeredAt = cursor + delayAround(random, profile.answerMedianMin * speed, 0.9);
  const answers = items.map((_, index) => {
    const outcome = outcomeOf(random, kind);
    return {
      itemId: itemIdFor(requestId, index),
      outcome: outcome.outcome,
      reason: outcome.outcome === 'refused' ? pick(random, data.refusals) : null,
    };
  });
  const firstBatch = answers.length > 2 ? Math.ceil(answers.length / 2) : answers.length;
  add(
    answers.length > 2 ? Math.max(cursor + 10_000, answeredAt - 20 * MINUTE) : answeredAt,
    act(liaison, 'request.answer', { items: answers.slice(0, firstBatch) }),
  );
  if (firstBatch < answers.length) add(answeredAt, act(liaison, 'request.answer', { items: answers.slice(firstBatch) }));
  if (random() < 0.05) {
    const reopenedAt = answeredAt + (1 + random() * 6) * HOUR;
    add(reopenedAt, act(operator, 'request.reopen', { reason: 'Le contenu est de nouveau accessible sous une autre adresse.' }));
    if (random() < 0.5)
      add(
        reopenedAt + delayAround(random, profile.answerMedianMin * speed),
        act(liaison, 'request.answer', { items: answers.slice(0, 1).map((answer) => ({ ...answer, outcome: 'removed', reason: null })) }),
      );
    return steps;
  }
  if (random() < 0.7) add(answeredAt + (1 + random() * 40) * HOUR, act(operator, 'request.close', { note: null }));
  return steps;
}
