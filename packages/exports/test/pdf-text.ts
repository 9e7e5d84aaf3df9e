import { PDFParse } from 'pdf-parse';

/** The text of each page of a PDF, and the page count. */
export async function pdfPages(bytes: Uint8Array, partial?: number[]): Promise<{ total: number; pages: string[] }> {
  const parser = new PDFParse({ data: bytes.slice() });
  try {
    const result = await parser.getText(partial ? { partial } : {});
    return { total: result.total, pages: result.pages.map((page) => page.text) };
  } finally {
    await parser.destroy();
  }
}

/** Text with the line breaks and no-break spaces of the layout taken out, to find wrapped words. */
export const squeeze = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, '');

/** A run of text as drawn on a page: its left end, baseline (from the bottom) and width, in points. */
export interface PlacedText {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

/** The text runs of one page (1-based) with their positions, read by pdf.js, and the page's width. */
export async function pdfTextRuns(bytes: Uint8Array, pageNumber: number): Promise<{ width: number; runs: PlacedText[] }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  try {
    const page = await document.getPage(pageNumber);
    const content = await page.getTextContent();
    const runs: PlacedText[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim().length === 0) continue;
      runs.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width });
    }
    return { width: page.view[2]! - page.view[0]!, runs };
  } finally {
    await document.destroy();
  }
}
