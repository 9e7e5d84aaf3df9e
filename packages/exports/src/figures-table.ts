import type { PlatformFigures } from '@contact-desk/shared';
import { formatDuration, formatPercent } from './format.js';
import type { Texts } from './texts/index.js';

/** The columns of the figures table, in order: header and cell text. */
export function figuresTable(
  rows: readonly (PlatformFigures & { readonly platformName?: string })[],
  texts: Texts,
  platformName: (id: string) => string = (id) => id,
): { header: string[]; body: string[][] } {
  const duration = (ms: number | undefined) => (ms === undefined ? '–' : formatDuration(ms));
  return {
    header: [
      texts.minutes.platform,
      texts.figures.requests,
      texts.figures.acknowledged,
      texts.figures.answered,
      texts.figures.medianAck,
      texts.figures.p90Ack,
      texts.figures.medianAnswer,
      texts.figures.p90Answer,
      texts.figures.onTime,
      texts.figures.late,
      texts.figures.unanswered,
    ],
    body: rows.map((f) => [
      f.platformName ?? platformName(f.platformId),
      String(f.counted),
      String(f.acknowledged),
      String(f.answered),
      duration(f.medianTimeToAck),
      duration(f.p90TimeToAck),
      duration(f.medianTimeToAnswer),
      duration(f.p90TimeToAnswer),
      f.onTimeShare === undefined ? '–' : formatPercent(f.onTimeShare, texts),
      String(f.late),
      String(f.unanswered),
    ]),
  };
}
