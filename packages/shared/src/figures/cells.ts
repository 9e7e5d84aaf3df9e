import { formatDuration, formatShare, type FigureLanguage } from './format.js';
import { ALL_PLATFORMS, type PlatformFigures } from './platform-figures.js';

/**
 * The figures table as every document prints it — the PDF, the spreadsheet, the Markdown, the
 * minutes and `relay audit figures`: one header and one row of strings per platform, the
 * platforms in a reader's order (by name in the language's collation), the all-platforms row
 * last. Built here so that the relay prints the very characters the exports print.
 */

/** How a column's cells read: a count (a whole number), a duration, a share or a name. */
export type FiguresColumnKind = 'name' | 'count' | 'duration' | 'share';

export interface FiguresColumn {
  readonly key: string;
  readonly kind: FiguresColumnKind;
  readonly header: Readonly<Record<FigureLanguage, string>>;
  readonly cell: (row: PlatformFigures, language: FigureLanguage) => string;
}

const count = (key: keyof PlatformFigures, fr: string, en: string): FiguresColumn => ({
  key,
  kind: 'count',
  header: { fr, en },
  cell: (row) => String(row[key]),
});

const duration = (key: keyof PlatformFigures, fr: string, en: string): FiguresColumn => ({
  key,
  kind: 'duration',
  header: { fr, en },
  cell: (row, language) => formatDuration(row[key] as number | undefined, language),
});

/** The columns after the platform's name, in order. */
export const FIGURES_COLUMNS: readonly FiguresColumn[] = [
  count('created', 'Créées', 'Created'),
  count('withdrawn', 'Retirées', 'Withdrawn'),
  count('counted', 'Comptées', 'Counted'),
  count('acknowledged', 'Accusées', 'Acknowledged'),
  count('answered', 'Répondues', 'Answered'),
  duration('medianTimeToAck', 'Accusé, médiane', 'Ack, median'),
  duration('p90TimeToAck', 'Accusé, p90', 'Ack, p90'),
  duration('medianTimeToAnswer', 'Réponse, médiane', 'Answer, median'),
  duration('p90TimeToAnswer', 'Réponse, p90', 'Answer, p90'),
  {
    key: 'onTimeShare',
    kind: 'share',
    header: { fr: 'Dans les délais', en: 'On time' },
    cell: (row, language) => formatShare(row.onTimeShare, language),
  },
  count('late', 'En retard', 'Late'),
  count('lateWithdrawn', 'dont retirées', 'of which withdrawn'),
  count('unanswered', 'Sans réponse', 'Unanswered'),
];

export const PLATFORM_HEADER: Readonly<Record<FigureLanguage, string>> = { fr: 'Plateforme', en: 'Platform' };
export const ALL_PLATFORMS_NAME: Readonly<Record<FigureLanguage, string>> = {
  fr: 'Toutes plateformes',
  en: 'All platforms',
};

export interface FiguresCells {
  readonly header: string[];
  readonly body: string[][];
}

/** A platform's name for people, the all-platforms row's in the language. */
function nameOf(row: PlatformFigures, language: FigureLanguage, platformName: (id: string) => string): string {
  return row.platformId === ALL_PLATFORMS ? ALL_PLATFORMS_NAME[language] : platformName(row.platformId);
}

/** The rows in a reader's order: by platform name in the language's collation, all platforms last. */
export function inReaderOrder<T extends PlatformFigures>(
  rows: readonly T[],
  language: FigureLanguage,
  platformName: (id: string) => string,
): T[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const key = (row: T) => (row.platformId === ALL_PLATFORMS ? 1 : 0);
  return [...rows].sort(
    (a, b) =>
      key(a) - key(b) ||
      collator.compare(platformName(a.platformId), platformName(b.platformId)) ||
      (a.platformId < b.platformId ? -1 : a.platformId > b.platformId ? 1 : 0),
  );
}

/**
 * The figures table's header and cells, rows in a reader's order.
 *
 * @param rows per-platform figures (from `platformFigures`, with or without the total row)
 * @param language the language of the headers, durations and shares
 * @param platformName a platform's name by id (the id itself when left out)
 */
export function figuresCells(
  rows: readonly PlatformFigures[],
  language: FigureLanguage,
  platformName: (id: string) => string = (id) => id,
): FiguresCells {
  return {
    header: [PLATFORM_HEADER[language], ...FIGURES_COLUMNS.map((column) => column.header[language])],
    body: inReaderOrder(rows, language, platformName).map((row) => [
      nameOf(row, language, platformName),
      ...FIGURES_COLUMNS.map((column) => column.cell(row, language)),
    ]),
  };
}
