/**
 * The part of pdfkit 0.19 the late-list PDF uses (its package ships no types). `#pdfkit` is
 * mapped in package.json: pdfkit's Node build under Node, its browserified standalone build
 * everywhere else (the app's module worker), which needs no Node built-ins.
 *
 * Besides the public API, the late list writes its page content itself (one string per page,
 * see `pdf-canvas.ts`) and so reaches internals that have been stable across pdfkit 0.1x: the
 * current font object (`_font`) with its fontkit font, subset, widths and ToUnicode map, and
 * the page's font resources. pdfkit is pinned; the tests read the text back.
 */
declare module '#pdfkit' {
  /** A glyph of a fontkit font. */
  interface Glyph {
    readonly id: number;
    /** In font units. */
    readonly advanceWidth: number;
  }

  /** The fontkit font inside an embedded font. */
  interface FontkitFont {
    glyphForCodePoint(codePoint: number): Glyph;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }

  /** An embedded (TrueType) font of a document. */
  interface EmbeddedFont {
    /** Resource name on the pages, e.g. `F1`. */
    readonly id: string;
    readonly font: FontkitFont;
    /** Font units to thousandths of the font size. */
    readonly scale: number;
    /** In thousandths of the font size. */
    readonly ascender: number;
    readonly descender: number;
    /** The glyphs of the document's subset; `includeGlyph` returns a glyph's id in the subset. */
    readonly subset: { includeGlyph(glyphId: number): number };
    /** Width (thousandths) and code points of each glyph of the subset, by subset id: written out as the font's widths and ToUnicode map. */
    readonly widths: (number | undefined)[];
    readonly unicode: (readonly number[] | undefined)[];
    /** The font dictionary's reference (creating it marks the font for embedding). */
    ref(): unknown;
  }

  interface PDFPage {
    readonly width: number;
    readonly height: number;
    readonly fonts: Record<string, unknown>;
  }

  interface PDFDocumentOptions {
    size?: string | [number, number];
    layout?: 'portrait' | 'landscape';
    margin?: number;
    autoFirstPage?: boolean;
    bufferPages?: boolean;
    compress?: boolean;
    /** Default font; null loads none (no standard-font metrics to read). */
    font?: string | null;
    lang?: string;
    displayTitle?: boolean;
    info?: Record<string, string | Date>;
  }

  class PDFDocument {
    constructor(options?: PDFDocumentOptions);
    page: PDFPage;
    _font: EmbeddedFont;
    registerFont(name: string, src: Uint8Array): this;
    font(name: string): this;
    addPage(options?: PDFDocumentOptions): this;
    /** Appends to the current page's content stream (a string is written as binary, plus a newline). */
    addContent(data: string | Uint8Array): this;
    bufferedPageRange(): { start: number; count: number };
    switchToPage(index: number): PDFPage;
    on(event: 'data', listener: (chunk: Uint8Array) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    end(): void;
  }

  export default PDFDocument;
  export type { EmbeddedFont, PDFDocumentOptions };
}
