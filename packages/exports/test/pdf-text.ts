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
