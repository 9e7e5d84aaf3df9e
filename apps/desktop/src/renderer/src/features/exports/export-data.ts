import { platformFigures, weeklyFigures, type DomainState, type Request } from '@contact-desk/shared';
import type { ExportMeta, ExportPeriod, FiguresInput, Language, PlatformRef, WeeklyPoint } from '@contact-desk/exports';

/** What every export of this device states about where its data comes from. */
export interface ExportContext {
  readonly language: Language;
  readonly timeZone: string;
  /** The log position this device has applied up to. */
  readonly lastSeq: number;
  /** The relay log's hash at `lastSeq`, null before the first sync. */
  readonly headHash: string | null;
  /** Relay time now, as estimated on this device. */
  readonly now: number;
}

export function platformRefs(state: DomainState): Map<string, PlatformRef> {
  return new Map([...state.platforms.values()].map((platform) => [platform.id, { name: platform.name }]));
}

export function exportMeta(
  title: string,
  period: ExportPeriod,
  platformIds: readonly string[],
  state: DomainState,
  context: ExportContext,
): ExportMeta {
  return {
    title,
    period,
    timeZone: context.timeZone,
    generatedAt: context.now,
    lastSeq: context.lastSeq,
    ...(context.headHash ? { headHash: context.headHash } : {}),
    platforms: platformIds.map((id) => state.platforms.get(id)?.name ?? id),
    language: context.language,
  };
}

/** The requests of the chosen platforms (all visible ones when none is chosen). */
export function requestsOf(state: DomainState, platformIds: readonly string[]): Request[] {
  const wanted = new Set(platformIds);
  return [...state.requests.values()].filter((request) => wanted.size === 0 || wanted.has(request.platformId));
}

/**
 * Median times to acknowledge and to answer, per platform and ISO week of creation in the
 * export's zone: the shared weekly figures (same population and rules as the period's figures).
 */
export function weeklyTrend(requests: readonly Request[], period: ExportPeriod, at: number, zone: string): WeeklyPoint[] {
  return weeklyFigures(requests, period, at, zone).map((row) => ({
    week: row.week,
    platformId: row.platformId,
    medianAck: row.medianTimeToAck,
    medianAnswer: row.medianTimeToAnswer,
  }));
}

export function figuresInput(
  state: DomainState,
  title: string,
  period: ExportPeriod,
  platformIds: readonly string[],
  context: ExportContext,
): FiguresInput {
  const requests = requestsOf(state, platformIds);
  return {
    figures: platformFigures(requests, period, context.now, true),
    weekly: weeklyTrend(requests, period, context.now, context.timeZone),
    platforms: platformRefs(state),
    meta: exportMeta(title, period, platformIds, state, context),
  };
}
