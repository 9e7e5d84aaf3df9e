import { campaignRows, ITEM_OUTCOMES, lateRequests, type ItemOutcome, type Request, type RequestFigures } from '@contact-desk/shared';
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

/**
 * The late rows of a campaign: every request sent under it, whenever sent, that passed a
 * deadline as of `at` (the campaign's tighter terms where it has some), withdrawn and contested
 * ones included — exactly the requests behind `campaignFigures`' `late`. Oldest first, then
 * by reference, as the late-response list.
 *
 * @param requests the requests of the read model (those of other campaigns are skipped)
 * @param campaignId the campaign's id
 * @param platforms platform names by id (an unknown id is written as is)
 * @param at the time the states are computed at — the relay time of the log position exported
 */
export function campaignLateRows(
  requests: Iterable<Request>,
  campaignId: string,
  platforms: ReadonlyMap<string, PlatformRef>,
  at: number,
): LateRow[] {
  return campaignRows(requests, campaignId, at)
    .filter((figures) => figures.late)
    .map((figures) => lateRow(figures, platforms));
}

/** The line closing a PDF's late table: its rows and how many of each kind of lateness. */
export function lateTotal(rows: readonly LateRow[], texts: Texts): string {
  return texts.late.total({
    rows: rows.length,
    ackLate: rows.filter((row) => row.ackDelayMs !== null).length,
    answerLate: rows.filter((row) => row.answerDelayMs !== null).length,
    unanswered: rows.filter((row) => row.unanswered).length,
  });
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
