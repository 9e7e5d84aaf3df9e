import { ITEM_OUTCOMES, slaView, type ItemOutcome, type Request } from '@contact-desk/shared';
import type { Texts } from './texts/index.js';
import type { ExportPeriod, LateRow, PlatformRef } from './types.js';

/**
 * The rows of the late-response list: every request created in `period` (`from` inclusive,
 * `to` exclusive, relay time) that passed a deadline — acknowledged or answered late, or still
 * owing a step after its deadline — as of `now`, oldest first.
 *
 * The deadlines and states come from `slaView` of `@contact-desk/shared`, so the list agrees
 * with the figures and with what the app shows. Delays are the time past the deadline.
 *
 * @param requests the requests of the read model (any order; others than the period's are skipped)
 * @param platforms platform names by id (an unknown id is written as is)
 * @param period the period of creation
 * @param now the time the states are computed at — the relay time of the log position exported
 * @returns the rows, sorted by creation time then reference
 */
export function lateResponseRows(
  requests: Iterable<Request>,
  platforms: ReadonlyMap<string, PlatformRef>,
  period: ExportPeriod,
  now: number,
): LateRow[] {
  const rows: LateRow[] = [];
  for (const request of requests) {
    if (request.createdAt < period.from || request.createdAt >= period.to) continue;
    const view = slaView(request, now);
    if (!view.late && !view.unanswered) continue;
    const stoppedAt = request.withdrawnAt ?? request.contestedAt ?? now;
    const ackDelayMs =
      view.ack === 'done_late' && request.ackAt !== null
        ? request.ackAt - view.ackDeadline
        : view.ack === 'overdue'
          ? stoppedAt - view.ackDeadline
          : null;
    const answerDelayMs =
      view.actionDeadline === null
        ? null
        : view.action === 'done_late' && request.answeredAt !== null
          ? request.answeredAt - view.actionDeadline
          : view.action === 'overdue'
            ? Math.max(0, stoppedAt - view.actionDeadline)
            : null;
    const outcomes: Partial<Record<ItemOutcome, number>> = {};
    for (const item of request.items) {
      if (item.answer) outcomes[item.answer.outcome] = (outcomes[item.answer.outcome] ?? 0) + 1;
    }
    rows.push({
      ref: request.ref,
      platformId: request.platformId,
      platform: platforms.get(request.platformId)?.name ?? request.platformId,
      kind: request.kind,
      priority: request.sla.label,
      createdAt: request.createdAt,
      ackDeadline: view.ackDeadline,
      ackAt: request.ackAt,
      ackDelayMs,
      ackState: view.ack,
      actionDeadline: view.actionDeadline,
      answeredAt: request.answeredAt,
      answerDelayMs,
      actionState: view.action,
      status: request.status,
      unanswered: view.unanswered,
      itemCount: request.items.length,
      outcomes,
      outcomesSummary: summarizeOutcomes(outcomes),
      locations: request.items.map((item) => item.location),
    });
  }
  return rows.sort((a, b) => a.createdAt - b.createdAt || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
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
