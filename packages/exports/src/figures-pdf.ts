import { figuresChartSvg, weeklyTrendSvg } from './chart.js';
import { figuresTable } from './figures-table.js';
import { headerCell, metaBlock, renderPdf, tableLayout, type PdfNode } from './pdf.js';
import { textsFor, type Texts } from './texts/index.js';
import type { FiguresInput } from './types.js';

/** A figures table as a pdfmake node (numbers right-aligned). */
export function figuresTableNode(table: { header: string[]; body: string[][] }): PdfNode {
  return {
    table: {
      headerRows: 1,
      widths: ['*', ...table.header.slice(1).map(() => 'auto')],
      body: [
        table.header.map((h, i) => ({ ...(headerCell(h) as object), alignment: i === 0 ? 'left' : 'right' })),
        ...table.body.map((row) => row.map((cell, i) => ({ text: cell, alignment: i === 0 ? 'left' : 'right' }))),
      ],
    },
    layout: tableLayout(3),
    fontSize: 8.5,
  };
}

/**
 * The figures of a period as a PDF (landscape A4): the metadata block, a table per platform
 * (requests, acknowledged, answered, median and p90 times to acknowledge and to answer in h:mm,
 * on-time share, late and unanswered counts), the bar chart of `figuresChartSvg` and the weekly
 * trends of `weeklyTrendSvg`.
 *
 * @param input per-platform figures (from `platformFigures`), weekly medians, platform names, metadata
 * @returns the PDF's bytes
 */
export async function figuresPdf(input: FiguresInput): Promise<Uint8Array> {
  const { meta, platforms } = input;
  const texts: Texts = textsFor(meta.language);
  const width = 770;
  const table = figuresTable(input.figures, texts, (id) => platforms.get(id)?.name ?? id);
  const content: PdfNode[] = [
    ...metaBlock(meta, texts),
    { text: texts.figures.table, style: 'h1' },
    figuresTableNode(table),
    { text: texts.figures.method, style: 'note', margin: [0, 4, 0, 0] },
    { text: texts.figures.charts, style: 'h1', pageBreak: 'before' },
    { svg: figuresChartSvg(input.figures, platforms, { language: meta.language, width }), width },
    { text: '', margin: [0, 8, 0, 0] },
    { svg: weeklyTrendSvg(input.weekly, platforms, { language: meta.language, width, metric: 'ack' }), width },
    { svg: weeklyTrendSvg(input.weekly, platforms, { language: meta.language, width, metric: 'answer' }), width, margin: [0, 6, 0, 0] },
  ];
  return renderPdf({ meta, texts, orientation: 'landscape', content });
}
