import { figuresCells, type FiguresCells, type PlatformFigures } from '@contact-desk/shared';
import type { Language } from './types.js';

export type { FiguresCells };

/**
 * The figures table of every export: the shared cells (`figuresCells`), so that the PDF, the
 * spreadsheet, the Markdown, the minutes and `relay audit figures` print the same strings.
 * A row's own `platformName` wins over the lookup.
 */
export function figuresTable(
  rows: readonly (PlatformFigures & { readonly platformName?: string })[],
  language: Language,
  platformName: (id: string) => string = (id) => id,
): FiguresCells {
  const names = new Map(rows.flatMap((row) => (row.platformName ? [[row.platformId, row.platformName] as const] : [])));
  return figuresCells(rows, language, (id) => names.get(id) ?? platformName(id));
}
