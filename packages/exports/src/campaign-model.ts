import {
  ALL_PLATFORMS,
  ALL_PLATFORMS_NAME,
  campaignCourse,
  campaignFigures,
  campaignRequests,
  FIGURES_COLUMNS,
  formatDuration,
  inReaderOrder,
  PLATFORM_HEADER,
  type Campaign,
  type PlatformFigures,
  type Request,
} from '@contact-desk/shared';
import { figuresTable, type FiguresCells } from './figures-table.js';
import { formatDateTime } from './format.js';
import { campaignLateRows } from './late-rows.js';
import { textsFor, type Texts } from './texts/index.js';
import type { CampaignReportInput, ExportMeta, Language, PlatformRef } from './types.js';

/** Points of the course: enough for a smooth line over days, few enough to read in a sheet. */
const COURSE_STEPS = 48;

/**
 * The campaign report's input from the read model: the campaign's figures, course and late
 * rows, all computed at `meta.period.to` — the relay time of the log position cited — with the
 * shared definitions (`campaignFigures`, `campaignCourse`, `campaignLateRows`).
 *
 * @param requests every request of the read model (the campaign's are picked by `campaignId`)
 * @param campaign the campaign's record
 * @param platforms platform names by id
 * @param meta the report's metadata: `period` from the campaign's start to the position's time
 */
export function campaignReportInput(
  requests: Iterable<Request>,
  campaign: Campaign,
  platforms: ReadonlyMap<string, PlatformRef>,
  meta: ExportMeta,
): CampaignReportInput {
  const at = meta.period.to;
  const all = [...requests];
  return {
    meta,
    campaign: {
      name: campaign.name,
      status: campaign.status,
      startedAt: campaign.startedAt,
      closedAt: campaign.closedAt,
      terms: campaign.terms,
    },
    figures: campaignFigures(all, campaign.id, at),
    course: campaignCourse(campaignRequests(all, campaign.id), at, COURSE_STEPS),
    late: campaignLateRows(all, campaign.id, platforms, at),
    platforms,
  };
}

/** The report's pieces as every format writes them. */
export interface CampaignModel {
  readonly texts: Texts;
  /** The campaign's block: name, start, state, tighter terms, the time the figures are as of, request count. */
  readonly facts: readonly (readonly [string, string])[];
  /** No request was sent under the campaign at this log position. */
  readonly empty: boolean;
  readonly figures: FiguresCells;
  readonly receipt: FiguresCells;
}

const RECEIPT_KEYS = ['counted', 'received', 'acknowledged', 'answered'] as const;

/**
 * The receipt table: per platform, then all platforms, the counted requests and how many were
 * received, acknowledged and answered — the fields of the shared figures, headers those of the
 * figures table but "received". Rows in a reader's order, as the figures table.
 */
export function receiptTable(figures: readonly PlatformFigures[], texts: Texts, platformName: (id: string) => string): FiguresCells {
  const language = texts.language;
  const header = (key: (typeof RECEIPT_KEYS)[number]) =>
    FIGURES_COLUMNS.find((column) => column.key === key)?.header[language] ?? texts.campaign.received;
  return {
    header: [PLATFORM_HEADER[language], ...RECEIPT_KEYS.map(header)],
    body: inReaderOrder(figures, language, platformName).map((row) => [
      row.platformId === ALL_PLATFORMS ? ALL_PLATFORMS_NAME[language] : platformName(row.platformId),
      ...RECEIPT_KEYS.map((key) => String(row[key])),
    ]),
  };
}

/** The campaign's tighter terms, one priority a line, durations as every figure writes them. */
function termsText(input: CampaignReportInput, texts: Texts, language: Language): string {
  const minutes = (value: number) => formatDuration(value * 60_000, language);
  const terms = input.campaign.terms.map((term) => texts.campaign.term(term.label, minutes(term.ackMinutes), minutes(term.actionMinutes)));
  return terms.length === 0 ? texts.campaign.noTerms : terms.join('\n');
}

/** The campaign report laid out once, for the PDF and the spreadsheet. */
export function campaignModel(input: CampaignReportInput): CampaignModel {
  const { meta, campaign, platforms } = input;
  const texts = textsFor(meta.language);
  const name = (id: string) => platforms.get(id)?.name ?? id;
  const time = (ms: number) => formatDateTime(ms, meta.timeZone, texts);
  const total = input.figures.find((row) => row.platformId === ALL_PLATFORMS);
  const facts: [string, string][] = [
    [texts.campaign.name, campaign.name],
    [texts.campaign.startedAt, time(campaign.startedAt)],
    [
      texts.campaign.status,
      campaign.status === 'closed' && campaign.closedAt !== null ? texts.campaign.closedOn(time(campaign.closedAt)) : texts.campaign.open,
    ],
    [texts.campaign.terms, termsText(input, texts, meta.language)],
    [texts.campaign.asOf, `${time(meta.period.to)} (${meta.timeZone})`],
    [texts.campaign.requests, String(total?.created ?? 0)],
  ];
  return {
    texts,
    facts,
    empty: input.figures.length === 0,
    figures: figuresTable(input.figures, meta.language, name),
    receipt: receiptTable(input.figures, texts, name),
  };
}
