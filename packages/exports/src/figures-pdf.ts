import { ALL_PLATFORMS_NAME } from '@contact-desk/shared';
import { figuresChartSvg } from './chart.js';
import { figuresTable, type FiguresCells } from './figures-table.js';
import { headerCell, metaBlock, renderPdf, tableLayout, type PdfNode } from './pdf.js';
import { textsFor } from './texts/index.js';
import type { FiguresInput } from './types.js';
import { weeklyTrendSvg } from './weekly-chart.js';

/**
 * A figures table as a pdfmake node: the platform column takes what is left and wraps whole
 * names; the figures are right-aligned and never broken ("3 j 04 h" stays on one line); the
 * all-platforms row, last, in bold; the header row repeated on every page. With a `nameWidth`
 * in points, the table is only as wide as its columns (a short table of a few counts).
 */
export function figuresTableNode(table: FiguresCells, nameWidth: number | '*' = '*'): PdfNode {
  const total = (row: readonly string[]) => Object.values(ALL_PLATFORMS_NAME).includes(row[0] ?? '');
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: [nameWidth, ...table.header.slice(1).map(() => 'auto')],
      body: [
        table.header.map((h, i) => ({ ...(headerCell(h) as object), alignment: i === 0 ? 'left' : 'right' })),
        ...table.body.map((row) =>
          row.map((cell, i) => ({
            text: cell,
            alignment: i === 0 ? 'left' : 'right',
            ...(i === 0 ? {} : { noWrap: true }),
            ...(total(row) ? { bold: true } : {}),
          })),
        ),
      ],
    },
    layout: tableLayout(3),
    fontSize: 8,
  };
}

/**
 * The figures of a period as a PDF (landscape A4): the metadata block; the figures table of
 * `figuresCells` (created, withdrawn, counted, acknowledged, answered, median and p90 times,
 * on-time share, late with how many withdrawn, unanswered; all platforms last); the bar charts
 * of `figuresChartSvg`, one page each; and the weekly trends of `weeklyTrendSvg`.
 *
 * @param input per-platform figures (from `platformFigures` with the total row), weekly medians, platform names, metadata
 * @returns the PDF's bytes
 */
export async function figuresPdf(input: FiguresInput): Promise<Uint8Array> {
  const { meta, platforms } = input;
  const texts = textsFor(meta.language);
  const width = 777;
  const table = figuresTable(input.figures, meta.language, (id) => platforms.get(id)?.name ?? id);
  const chart = (metric: 'ack' | 'answer') => figuresChartSvg(input.figures, platforms, { language: meta.language, width, metric });
  const weekly = (metric: 'ack' | 'answer') => weeklyTrendSvg(input.weekly, platforms, { language: meta.language, width, metric });
  const content: PdfNode[] = [
    ...metaBlock(meta, texts),
    { text: texts.figures.table, style: 'h1' },
    table.body.length === 0 ? { text: texts.figures.noData, italics: true } : figuresTableNode(table),
    { text: texts.figures.method, style: 'note', margin: [0, 4, 0, 0] },
    { text: texts.figures.charts, style: 'h1', pageBreak: 'before' },
    { svg: chart('ack'), width },
    { svg: chart('answer'), width, margin: [0, 10, 0, 0] },
    { svg: weekly('ack'), width, pageBreak: 'before' },
    { svg: weekly('answer'), width, margin: [0, 12, 0, 0] },
  ];
  return renderPdf({ meta, texts, orientation: 'landscape', content });
}
