import { ITEM_OUTCOMES, lateRequests, type ItemOutcome, type Request, type RequestFigures } from '@contact-desk/shared';
import type { Texts } from './texts/index.js';
import type { ExportPeriod, LateRow, PlatformRef } from './types.js';

/**
 * The rows of the late-response list: exactly the shared `lateRequests` — every request created
 * in `period` (`from` inclusive, `to` exclusive, relay time) that passed a deadline as of `now`,
 * withdrawn and contested ones included — so that a platform's rows add up to its `late` figure
 * and its unanswered rows to its `unanswered` figure. Oldest first, then by reference.
 *
 * @param requests the requests of the read model (any order; others than the period's are skipped)
 * @param platforms platform names by id (an unknown id is written as is)
 * @param period the period of creation
 * @param now the time the states are computed at — the relay time of the log position exported
 */
export function lateResponseRows(
  requests: Iterable<Request>,
  platforms: ReadonlyMap<string, PlatformRef>,
  period: ExportPeriod,
  now: number,
): LateRow[] {
  return lateRequests(requests, period, now).map((figures) => lateRow(figures, platforms));
}

function lateRow(figures: RequestFigures, platforms: ReadonlyMap<string, PlatformRef>): LateRow {
  const { request, sla } = figures;
  const outcomes: Partial<Record<ItemOutcome, number>> = {};
  for (const item of request.items) {
    if (item.answer) outcomes[item.answer.outcome] = (outcomes[item.answer.outcome] ?? 0) + 1;
  }
  return {
    ref: request.ref,
    platformId: request.platformId,
    platform: platforms.get(request.platformId)?.name ?? request.platformId,
    kind: request.kind,
    priority: request.sla.label,
    createdAt: request.createdAt,
    ackDeadline: sla.ackDeadline,
    ackAt: request.ackAt,
    ackDelayMs: figures.ackDelayMs,
    ackState: sla.ack,
    actionDeadline: sla.actionDeadline,
    answeredAt: request.answeredAt,
    answerDelayMs: figures.answerDelayMs,
    actionState: sla.action,
    status: request.status,
    unanswered: figures.unanswered,
    itemCount: request.items.length,
    outcomes,
    outcomesSummary: summarizeOutcomes(outcomes),
    locations: request.items.map((item) => item.location),
  };
}

/**
 * Summary of item outcomes, e.g. `removed ×2, refused ×1`, in the order of `ITEM_OUTCOMES`;
 * with `texts`, the outcome names of that language.
 */
export function summarizeOutcomes(outcomes: Readonly<Partial<Record<ItemOutcome, number>>>, texts?: Texts): string {
  return ITEM_OUTCOMES.flatMap((outcome) => {
    const count = outcomes[outcome];
    return count ? [`${texts ? texts.outcomes[outcome] : outcome} ×${count}`] : [];
  }).join(', ');
}
