import { formatIsoDate } from './format.js';
import { textsFor } from './texts/index.js';
import type { ExportMeta } from './types.js';

/** What an export is, for its file name. */
export type ExportKind = 'late-list' | 'figures' | 'minutes' | 'campaign';

/**
 * A file name to suggest when saving an export: the kind in the export's language, the
 * period's first and last days in its time zone (`to` is exclusive, so a month ending at
 * midnight on 1 December is written `…_2026-11-30`) and the log position it was computed from
 * (seq, and the head hash's first 12 digits when known), e.g.
 * `retards-2026-11-01_2026-11-30-seq48213-9b433cbda988.csv`. Two files of one kind and
 * extension (the two CSV dialects) are told apart by a variant before the extension:
 * `…-seq48213-9b433cbda988-excel.csv`, `…-rfc4180.csv`.
 *
 * @param kind what the export is
 * @param meta the export's metadata (period, time zone, language)
 * @param extension the extension, with or without the dot
 * @param variant what tells this file from another of the same kind and extension
 */
export function exportFileName(kind: ExportKind, meta: ExportMeta, extension: string, variant?: string): string {
  const names = textsFor(meta.language).fileNames;
  const base = { 'late-list': names.lateList, figures: names.figures, minutes: names.minutes, campaign: names.campaign }[kind];
  const first = formatIsoDate(meta.period.from, meta.timeZone);
  const last = formatIsoDate(Math.max(meta.period.from, meta.period.to - 1), meta.timeZone);
  const days = first === last ? first : `${first}_${last}`;
  const position = `seq${meta.lastSeq}${meta.headHash ? `-${meta.headHash.slice(0, 12)}` : ''}`;
  return `${base}-${days}-${position}${variant ? `-${variant}` : ''}.${extension.replace(/^\./, '')}`;
}
