// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- pdfmake ships no types; the declarations must reach consumers that compile this source.
/// <reference path="./pdfmake.d.ts" />
/**
 * pdfmake set-up shared by the PDF exports: the Roboto fonts bundled with pdfmake (embedded, so
 * that accents render everywhere), no access to the network or to any other file, and the page frame
 * every export has — a metadata block and a footer with the log position and page numbers.
 */
import pdfMake from 'pdfmake';
import vfs from 'pdfmake/build/vfs_fonts.js';
import { formatLogPosition, metaLines } from './format.js';
import { COLORS } from './pdf-colors.js';
import type { Texts } from './texts/index.js';
import type { ExportMeta } from './types.js';

/** A pdfmake node; kept loose on purpose (pdfmake 0.3 ships no types). */
export type PdfNode = Record<string, unknown> | string | PdfNode[];

/** pdfmake's Roboto files, by the names of its virtual file system. */
const ROBOTO_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

type RobotoFiles = Record<keyof typeof ROBOTO_FILES, string>;

/**
 * Under Node, the same files' paths in pdfmake's package; null elsewhere. pdfmake reads its
 * fonts from its virtual file system, but the charts' SVG text is drawn by svg-to-pdfkit, which
 * asks pdfkit for the font by that name, and pdfkit's Node build reads names from the disk (the
 * browser build inside pdfmake's bundle reads the virtual file system): given bare names, the
 * charts fell back to Helvetica, without the characters outside Latin-1. Given the real paths,
 * pdfmake and pdfkit open the same font; the local-access policy allows these four files only.
 */
function nodeFontFiles(): RobotoFiles | null {
  const node = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const nodeModule = node?.getBuiltinModule?.('node:module') as { createRequire(url: string): { resolve(id: string): string } } | undefined;
  if (!nodeModule) return null;
  const require = nodeModule.createRequire(import.meta.url);
  try {
    const path = (name: string) => require.resolve(`pdfmake/build/fonts/Roboto/${name}`);
    return {
      normal: path(ROBOTO_FILES.normal),
      bold: path(ROBOTO_FILES.bold),
      italics: path(ROBOTO_FILES.italics),
      bolditalics: path(ROBOTO_FILES.bolditalics),
    };
  } catch {
    return null;
  }
}

let ready = false;

function pdfMaker(): typeof pdfMake {
  if (!ready) {
    if (typeof pdfMake.addVirtualFileSystem === 'function') {
      pdfMake.addVirtualFileSystem(vfs);
    } else {
      for (const [name, base64] of Object.entries(vfs)) pdfMake.virtualfs.writeFileSync(name, base64, 'base64');
    }
    const files = nodeFontFiles();
    pdfMake.setFonts({ Roboto: files ?? ROBOTO_FILES });
    // Everything the exports need is in the document or in pdfmake's fonts: never fetch a URL,
    // never read another file.
    const fontPaths = new Set<string>(files ? Object.values(files) : []);
    pdfMake.setUrlAccessPolicy?.(() => false);
    pdfMake.setLocalAccessPolicy?.((path) => fontPaths.has(path));
    ready = true;
  }
  return pdfMake;
}

export { COLORS } from './pdf-colors.js';

/** The title and the metadata block that opens every PDF export. */
export function metaBlock(meta: ExportMeta, texts: Texts, extra: readonly (readonly [string, string])[] = []): PdfNode[] {
  return [
    { text: meta.title, style: 'title' },
    {
      table: {
        widths: ['auto', '*'],
        body: metaLines(meta, texts, extra).map(([label, value]) => [
          { text: label, color: COLORS.muted },
          { text: value, wordBreak: 'break-all' },
        ]),
      },
      layout: 'noBorders',
      fontSize: 8.5,
      margin: [0, 0, 0, 10],
    },
  ];
}

/**
 * Labelled facts, a label and its value a line, the labels in bold; with `breakAll` the values
 * (links) may break anywhere, otherwise at spaces.
 */
export function factsTable(facts: readonly (readonly [string, string])[], breakAll = true): PdfNode {
  return {
    table: {
      widths: ['auto', '*'],
      body: facts.map(([label, value]) => [
        { text: label, bold: true },
        { text: value, ...(breakAll ? { wordBreak: 'break-all' } : {}) },
      ]),
    },
    layout: 'noBorders',
  };
}

/** Standard table layout: thin rules, a coloured header row, zebra rows. */
export function tableLayout(padding = 3): Record<string, unknown> {
  return {
    hLineWidth: (i: number) => (i === 0 ? 0 : 0.4),
    vLineWidth: () => 0,
    hLineColor: () => COLORS.rule,
    fillColor: (rowIndex: number) => (rowIndex === 0 ? COLORS.header : rowIndex % 2 === 0 ? COLORS.zebra : null),
    paddingLeft: () => padding,
    paddingRight: () => padding,
    paddingTop: () => padding * 0.6,
    paddingBottom: () => padding * 0.6,
  };
}

/** A header cell of a table. */
export function headerCell(text: string): PdfNode {
  return { text, bold: true, color: '#ffffff' };
}

export interface PageFrame {
  readonly meta: ExportMeta;
  readonly texts: Texts;
  readonly orientation: 'portrait' | 'landscape';
  readonly content: PdfNode[];
  readonly fontSize?: number;
}

/** Lays out and renders a document with the common page frame. */
export async function renderPdf(frame: PageFrame): Promise<Uint8Array> {
  const { meta, texts } = frame;
  const definition = {
    pageSize: 'A4',
    pageOrientation: frame.orientation,
    pageMargins: [32, 32, 32, 40],
    info: {
      title: meta.title,
      creator: 'Contact Desk',
      producer: 'Contact Desk (pdfmake)',
      creationDate: new Date(meta.generatedAt),
    },
    defaultStyle: { font: 'Roboto', fontSize: frame.fontSize ?? 9, color: COLORS.ink, lineHeight: 1.1 },
    styles: {
      title: { fontSize: 16, bold: true, color: COLORS.header, margin: [0, 0, 0, 6] },
      h1: { fontSize: 13, bold: true, color: COLORS.header, margin: [0, 12, 0, 5] },
      h2: { fontSize: 11, bold: true, color: COLORS.header, margin: [0, 8, 0, 3] },
      note: { fontSize: 7.5, color: COLORS.muted, italics: true },
    },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        {
          text: `${meta.title} · ${texts.meta.logPosition} ${formatLogPosition(meta)} · ${meta.timeZone}`,
          color: COLORS.muted,
        },
        { text: texts.meta.page(currentPage, pageCount), alignment: 'right', width: 'auto' },
      ],
      fontSize: 7.5,
      margin: [32, 12, 32, 0],
    }),
    content: frame.content,
  };
  const buffer = await pdfMaker().createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
