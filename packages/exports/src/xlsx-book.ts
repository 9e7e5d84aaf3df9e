/**
 * An Excel workbook (Office Open XML, `.xlsx`) written directly: sheets stream their rows into
 * their deflated parts (`SheetWriter`), styles are registered once and named by id in every
 * cell, and the package's other parts (workbook, styles, relationships, properties) are written
 * when the book is closed. Built for exports of tens of thousands of rows: time and memory grow
 * with the compressed file, not with a model of every cell.
 */
import { SheetWriter, xmlText, type SheetOptions } from './xlsx-sheet.js';
import { ZipEntry, zipArchive } from './zip.js';

export interface CellFont {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Points (11 when absent). */
  readonly size?: number;
  /** ARGB, e.g. `FFFFFFFF`. */
  readonly color?: string;
}

export interface CellStyle {
  readonly font?: CellFont;
  /** Solid background, ARGB. */
  readonly fill?: string;
  /** Number format code, e.g. `dd/mm/yyyy hh:mm`. */
  readonly numFmt?: string;
  readonly alignment?: {
    readonly vertical?: 'top' | 'center';
    readonly horizontal?: 'right';
    readonly wrapText?: boolean;
  };
}

export interface BookProperties {
  readonly creator: string;
  readonly title: string;
  /** Creation time (ms since the epoch), also written as the last modification. */
  readonly created: number;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument';
/** Custom number formats are numbered from 164 (lower ids are built in). */
const FIRST_CUSTOM_FORMAT = 164;

function fontXml(font: CellFont = {}): string {
  return (
    `<font>${font.bold ? '<b/>' : ''}${font.italic ? '<i/>' : ''}<sz val="${font.size ?? 11}"/>` +
    `${font.color ? `<color rgb="${font.color}"/>` : ''}<name val="Calibri"/><family val="2"/></font>`
  );
}

/** A registry of distinct values, each numbered by its first registration. */
class Numbered {
  readonly items: string[] = [];
  private readonly ids = new Map<string, number>();
  constructor(
    first: readonly string[],
    private readonly offset = 0,
  ) {
    first.forEach((item) => this.id(item));
  }
  id(item: string): number {
    let id = this.ids.get(item);
    if (id === undefined) {
      id = this.items.push(item) - 1 + this.offset;
      this.ids.set(item, id);
    }
    return id;
  }
}

export class XlsxBook {
  private readonly sheets: SheetWriter[] = [];
  private readonly parts: ZipEntry[] = [];
  private readonly fonts = new Numbered([fontXml()]);
  private readonly fills = new Numbered([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly formats = new Numbered([], FIRST_CUSTOM_FORMAT);
  private readonly cellFormats = new Numbered(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);

  constructor(private readonly properties: BookProperties) {}

  /** The id of a cell style, for `SheetCell.style`: register each once, outside the row loop. */
  style(style: CellStyle): number {
    const font = style.font ? this.fonts.id(fontXml(style.font)) : 0;
    const fill = style.fill
      ? this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/></patternFill></fill>`)
      : 0;
    const format = style.numFmt ? this.formats.id(style.numFmt) : 0;
    const { vertical, horizontal, wrapText } = style.alignment ?? {};
    const alignment = style.alignment
      ? `<alignment${horizontal ? ` horizontal="${horizontal}"` : ''}${vertical ? ` vertical="${vertical}"` : ''}${wrapText ? ' wrapText="1"' : ''}/>`
      : '';
    const applied = [format && 'applyNumberFormat="1"', font && 'applyFont="1"', fill && 'applyFill="1"', alignment && 'applyAlignment="1"']
      .filter(Boolean)
      .join(' ');
    return this.cellFormats.id(
      `<xf numFmtId="${format}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${applied ? ` ${applied}` : ''}>${alignment}</xf>`,
    );
  }

  /** A new sheet after the others; its rows go to the file as they are added. */
  addSheet(name: string, options: SheetOptions): SheetWriter {
    const part = new ZipEntry(`xl/worksheets/sheet${this.sheets.length + 1}.xml`);
    const sheet = new SheetWriter(name, part, options);
    this.sheets.push(sheet);
    this.parts.push(part);
    return sheet;
  }

  /** Closes every sheet and returns the `.xlsx` file's bytes. */
  async bytes(): Promise<Uint8Array> {
    await Promise.all(this.sheets.map((sheet) => sheet.close()));
    const texts: [string, string][] = [
      ['[Content_Types].xml', this.contentTypes()],
      ['_rels/.rels', this.packageRelationships()],
      ['docProps/core.xml', this.coreProperties()],
      [
        'docProps/app.xml',
        `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(this.properties.creator)}</Application></Properties>`,
      ],
      ['xl/workbook.xml', this.workbook()],
      ['xl/_rels/workbook.xml.rels', this.workbookRelationships()],
      ['xl/styles.xml', this.styles()],
    ];
    const entries = await Promise.all(
      texts.map(async ([name, text]) => {
        const entry = new ZipEntry(name);
        await entry.write(text);
        return entry;
      }),
    );
    return zipArchive([...entries, ...this.parts]);
  }

  private contentTypes(): string {
    const sheets = this.sheets.map(
      (_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="${CONTENT_TYPE}.spreadsheetml.worksheet+xml"/>`,
    );
    return (
      `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE}.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE}.spreadsheetml.styles+xml"/>` +
      sheets.join('') +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      `<Override PartName="/docProps/app.xml" ContentType="${CONTENT_TYPE}.extended-properties+xml"/></Types>`
    );
  }

  private packageRelationships(): string {
    return (
      `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
      `<Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="${PACKAGE_RELATIONSHIPS}/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${RELATIONSHIPS}/extended-properties" Target="docProps/app.xml"/></Relationships>`
    );
  }

  private coreProperties(): string {
    const created = new Date(this.properties.created).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return (
      `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${xmlText(this.properties.creator)}</dc:creator><dc:title>${xmlText(this.properties.title)}</dc:title>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`
    );
  }

  private workbook(): string {
    const sheets = this.sheets.map(
      (sheet, index) => `<sheet name="${xmlText(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 2}"/>`,
    );
    const titles = this.sheets.flatMap((sheet, index) => {
      const titles = sheet.printTitles();
      return titles ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${xmlText(titles)}</definedName>`] : [];
    });
    return (
      `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView/></bookViews>` +
      `<sheets>${sheets.join('')}</sheets>${titles.length > 0 ? `<definedNames>${titles.join('')}</definedNames>` : ''}</workbook>`
    );
  }

  private workbookRelationships(): string {
    const sheets = this.sheets.map(
      (_, index) => `<Relationship Id="rId${index + 2}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
    );
    return (
      `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
      `<Relationship Id="rId1" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>${sheets.join('')}</Relationships>`
    );
  }

  private styles(): string {
    const list = (tag: string, items: readonly string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const formats = this.formats.items.map(
      (code, index) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + index}" formatCode="${xmlText(code)}"/>`,
    );
    return (
      `${XML_DECLARATION}<styleSheet xmlns="${MAIN}">${formats.length > 0 ? list('numFmts', formats) : ''}` +
      list('fonts', this.fonts.items) +
      list('fills', this.fills.items) +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.cellFormats.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}
