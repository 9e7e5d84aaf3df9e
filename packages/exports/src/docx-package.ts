import { Packer, type Document } from 'docx';

/** What the document's core properties say; `at` stands for both its creation and last change. */
export interface DocxProperties {
  readonly title: string;
  readonly description: string;
  /** ms since the epoch. */
  readonly at: number;
}

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Core properties with the given date instead of the packing machine's clock. */
function coreXml({ title, description, at }: DocxProperties): string {
  const date = new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>Contact Desk</dc:creator><dc:description>${xmlEscape(description)}</dc:description>` +
    '<cp:lastModifiedBy>Contact Desk</cp:lastModifiedBy><cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** The MS-DOS date and time of a zip entry, in UTC (never the packing machine's zone). */
function dosDateTime(at: number): { time: number; date: number } {
  const d = new Date(at);
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * Sets every entry's date in a zip file (local headers and central directory) to `at`. The
 * packer stamps entries with the clock and zone of the machine; the same document must give the
 * same bytes whoever packs it and whenever.
 */
export function stampZipEntries(zip: Uint8Array, at: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const { time, date } = dosDateTime(at);
  const count = view.getUint16(end + 10, true);
  let entry = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i += 1) {
    if (view.getUint32(entry, true) !== 0x02014b50) throw new Error('not a zip file: broken central directory');
    const local = view.getUint32(entry + 42, true);
    for (const at of [entry + 12, local + 10]) {
      view.setUint16(at, time, true);
      view.setUint16(at + 2, date, true);
    }
    entry += 46 + view.getUint16(entry + 28, true) + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
  }
  return zip;
}

/** Packs a Word document whose bytes depend on its content and `at` alone. */
export async function packDocx(document: Document, properties: DocxProperties): Promise<Uint8Array> {
  const packed = await Packer.toArrayBuffer(document, false, [{ path: 'docProps/core.xml', data: coreXml(properties) }]);
  return stampZipEntries(new Uint8Array(packed), properties.at);
}
