// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- pdfkit ships no types; the declarations must reach consumers that compile this source.
/// <reference path="./pdfkit.d.ts" />
/**
 * A thin drawing surface over pdfkit for documents with thousands of small text runs (the
 * late-response list): coordinates from the top-left corner in points, three Roboto faces,
 * filled rectangles, horizontal rules and single-line text runs — nothing else.
 *
 * pdfkit's `text()` costs about 9 µs a call even without line wrapping (it writes eight
 * operators, each as its own buffer), and its `encode` shapes every new string with fontkit
 * (OpenType lookups, about 50 µs for a URL): too slow for 200,000 runs. Here a page's content
 * is built as one string and handed to pdfkit once — the rectangles and rules, then one text
 * object in which only the font, the colour, the position and the glyphs change — and text is
 * encoded glyph by glyph from a per-document table of the characters met so far: each glyph
 * is added to pdfkit's subset of the font with its width and code point, so the embedded
 * subset, the widths and the ToUnicode map (what makes the text searchable and extractable)
 * are still written by pdfkit. No shaping means no kerning and no ligatures, which a table of
 * 6.5-point figures, names and URLs does not miss; the width measured is exactly the width
 * drawn.
 */
import PDFDocument, { type EmbeddedFont } from '#pdfkit';
import { robotoBytes, ROBOTO, type Measure, type RobotoFace } from './roboto.js';

/** A character of a face: its glyph id in the document's subset (4 hex digits) and its width. */
interface GlyphInfo {
  readonly hex: string;
  /** Thousandths of the font size. */
  readonly width: number;
}

interface Face {
  readonly font: EmbeddedFont;
  /** By code point. */
  readonly glyphs: Map<number, GlyphInfo>;
}

const ASCII = new TextEncoder();

export interface CanvasOptions {
  readonly title: string;
  /** BCP 47 language of the document's text, e.g. `fr-FR`. */
  readonly lang: string;
  readonly creationDate: Date;
  readonly orientation: 'portrait' | 'landscape';
}

/** A number as PDF content writes it: at most two decimals, no trailing zeros. */
function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** `#1f3864` as the three components `0.122 0.22 0.392` of a PDF colour operator. */
function rgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((c) => String(Math.round((c / 255) * 1000) / 1000)).join(' ');
}

/**
 * Characters Roboto lacks, drawn as the nearest one it has (French number formats use the
 * narrow no-break space). Others it lacks show as the font's empty box.
 */
const SUBSTITUTES: ReadonlyMap<number, number> = new Map([[0x202f, 0x00a0]]);

export class PdfCanvas {
  readonly width: number;
  readonly height: number;
  private readonly doc: PDFDocument;
  private readonly faces: Record<RobotoFace, Face>;
  private readonly bytes: Promise<Uint8Array>;
  /** Content of the page being drawn: shapes below, text above. */
  private shapes: string[] = [];
  private texts: string[] = [];
  private facesOnPage = new Set<RobotoFace>();
  private textFont = '';
  private textColor = '';
  private pageOpen = false;

  constructor(options: CanvasOptions) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: options.orientation,
      margin: 0,
      autoFirstPage: false,
      bufferPages: true,
      compress: true,
      font: null,
      lang: options.lang,
      displayTitle: true,
      info: {
        Title: options.title,
        Creator: 'Contact Desk',
        Producer: 'Contact Desk (pdfkit)',
        CreationDate: options.creationDate,
      },
    });
    const chunks: Uint8Array[] = [];
    this.bytes = new Promise<Uint8Array>((resolve, reject) => {
      this.doc.on('data', (chunk) => chunks.push(chunk));
      this.doc.on('error', reject);
      this.doc.on('end', () => {
        const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
        let offset = 0;
        for (const chunk of chunks) {
          out.set(chunk, offset);
          offset += chunk.length;
        }
        resolve(out);
      });
    });
    const face = (name: RobotoFace): Face => {
      this.doc.registerFont(ROBOTO[name], robotoBytes(name));
      this.doc.font(ROBOTO[name]);
      return { font: this.doc._font, glyphs: new Map() };
    };
    this.faces = { regular: face('regular'), bold: face('bold'), italic: face('italic') };
    const [width, height] = options.orientation === 'landscape' ? [841.89, 595.28] : [595.28, 841.89];
    this.width = width;
    this.height = height;
  }

  private glyph(face: Face, codePoint: number): GlyphInfo {
    let info = face.glyphs.get(codePoint);
    if (!info) {
      const { font } = face;
      const glyph = font.font.glyphForCodePoint(
        font.font.hasGlyphForCodePoint(codePoint) ? codePoint : (SUBSTITUTES.get(codePoint) ?? codePoint),
      );
      const id = font.subset.includeGlyph(glyph.id);
      const width = glyph.advanceWidth * font.scale;
      font.widths[id] ??= width;
      // The character itself, not `glyph.codePoints` (every character the font maps to this
      // glyph, which a reader would extract all together); a glyph shared by several
      // characters (space, no-break space) is extracted as the lowest: the plain space.
      const known = font.unicode[id]?.[0];
      if (known === undefined || codePoint < known) font.unicode[id] = [codePoint];
      info = { hex: id.toString(16).padStart(4, '0'), width };
      face.glyphs.set(codePoint, info);
    }
    return info;
  }

  /** Width of `text` on one line, in points. */
  measure(face: RobotoFace, size: number, text: string): number {
    const f = this.faces[face];
    let width = 0;
    for (const char of text) width += this.glyph(f, char.codePointAt(0)!).width;
    return (width * size) / 1000;
  }

  /** Height of a line of text (ascender to descender), in points. */
  lineHeight(face: RobotoFace, size: number): number {
    const { font } = this.faces[face];
    return ((font.ascender - font.descender) * size) / 1000;
  }

  /** Starts a new page; the page before it is complete. */
  addPage(): void {
    this.flush();
    this.doc.addPage({ size: 'A4', layout: this.width > this.height ? 'landscape' : 'portrait', margin: 0 });
    this.pageOpen = true;
  }

  /** Number of pages so far. */
  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  /** Draws more on an earlier page (zero-based), e.g. its "page x / y" once the count is known. */
  drawOnPage(index: number, draw: () => void): void {
    this.flush();
    this.doc.switchToPage(index);
    this.pageOpen = true;
    draw();
    this.flush();
  }

  /** A filled rectangle; `y` is its top edge. */
  fillRect(x: number, y: number, width: number, height: number, color: string): void {
    this.shapes.push(`${rgb(color)} rg ${num(x)} ${num(this.height - y - height)} ${num(width)} ${num(height)} re f`);
  }

  /** A horizontal rule at `y`. */
  hRule(x1: number, x2: number, y: number, lineWidth: number, color: string): void {
    const py = num(this.height - y);
    this.shapes.push(`${num(lineWidth)} w ${rgb(color)} RG ${num(x1)} ${py} m ${num(x2)} ${py} l S`);
  }

  /** One line of text whose top (the font's ascender) is at `y`; no wrapping, no clipping. */
  text(face: RobotoFace, size: number, color: string, x: number, y: number, text: string): void {
    if (text.length === 0) return;
    const f = this.faces[face];
    const { font } = f;
    let glyphs = '';
    for (const char of text) glyphs += this.glyph(f, char.codePointAt(0)!).hex;
    const fontOp = `/${font.id} ${num(size)} Tf`;
    if (fontOp !== this.textFont) {
      this.texts.push(fontOp);
      this.textFont = fontOp;
    }
    if (color !== this.textColor) {
      this.texts.push(`${rgb(color)} rg`);
      this.textColor = color;
    }
    const baseline = this.height - y - (font.ascender * size) / 1000;
    this.texts.push(`1 0 0 1 ${num(x)} ${num(baseline)} Tm <${glyphs}> Tj`);
    this.facesOnPage.add(face);
  }

  /** Hands the drawn content to the current page. */
  private flush(): void {
    if (!this.pageOpen) return;
    const page = this.doc.page;
    for (const face of this.facesOnPage) {
      const { font } = this.faces[face];
      page.fonts[font.id] ??= font.ref();
    }
    if (this.shapes.length > 0 || this.texts.length > 0) {
      // pdfkit flips the y axis of every page; undo it so that the operators use PDF's own axes.
      const parts = [`q 1 0 0 -1 0 ${num(this.height)} cm`, ...this.shapes];
      if (this.texts.length > 0) parts.push('BT', ...this.texts, 'ET');
      parts.push('Q', '');
      // Content is ASCII (operators, numbers, hex glyph ids): handing pdfkit bytes spares its
      // binary-string conversion, slow in the browser build's Buffer.
      this.doc.addContent(ASCII.encode(parts.join('\n')));
    }
    this.shapes = [];
    this.texts = [];
    this.facesOnPage = new Set();
    this.textFont = '';
    this.textColor = '';
    this.pageOpen = false;
  }

  /** Ends the document and returns its bytes. */
  finish(): Promise<Uint8Array> {
    this.flush();
    this.doc.end();
    return this.bytes;
  }
}

let measuring: PdfCanvas | undefined;

/**
 * Measures text exactly as a `PdfCanvas` draws it, for a table laid out here but drawn by
 * pdfmake (the campaign report's late requests): one canvas a process, only ever measured with.
 */
export function robotoMeasure(): Measure {
  measuring ??= new PdfCanvas({ title: '', lang: 'fr-FR', creationDate: new Date(0), orientation: 'landscape' });
  const canvas = measuring;
  return (face, size, text) => canvas.measure(face, size, text);
}
