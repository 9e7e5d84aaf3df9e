import {
  fileRefusal,
  isBlankRow,
  OUTCOME_IMPORT_LIMITS,
  sheetOf,
  type NumberedRow,
  type OutcomeImport,
  type OutcomeImportLimits,
  type OutcomeSheet,
} from '@contact-desk/shared';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

/**
 * Reads an outcomes file into a sheet of strings, bounded before and while it is read: its size
 * first, then, for an XLSX (a zip), the size its parts say they unzip to, and the number of rows.
 * Runs in a worker (outcome-file-worker.ts), which the app ends if it takes too long.
 */

export type ReadOutcome = { readonly ok: true; readonly sheet: OutcomeSheet } | { readonly ok: false; readonly result: OutcomeImport };

/** What the parts of an XLSX may unzip to, at most. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

const unreadable = (): ReadOutcome => ({ ok: false, result: fileRefusal('unreadable') });
const tooManyRows = (limit: number): ReadOutcome => ({ ok: false, result: fileRefusal('too_many_rows', limit) });

/** A cell written `'=…` (a spreadsheet's guard against formulas) as it was before the guard. */
function unguarded(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

/** Whether the bytes are a zip (an XLSX is one). */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The text of a CSV: UTF-8 (with or without its byte order mark), else Windows-1252 as French Excel saves it. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** The total size a zip's central directory says its entries unzip to (Infinity for a zip64 size); null when it cannot be read. */
export function zipDeclaredSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record, within the last 64 KiB + 22 bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    let offset = view.getUint32(at + 16, true);
    let total = 0;
    for (let entry = 0; entry < entries; entry++) {
      if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
      const size = view.getUint32(offset + 24, true);
      if (size === 0xffffffff) return Infinity;
      total += size;
      offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    }
    return total;
  }
  return null;
}

/** The rows of a CSV (any of the usual separators, guessed), stopping past the row limit. */
export function readCsv(text: string, limits: OutcomeImportLimits = OUTCOME_IMPORT_LIMITS): ReadOutcome {
  let header: string[] | null = null;
  const rows: NumberedRow[] = [];
  let record = 0;
  let broken = false;
  let over = false;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (results, parser) => {
      record += 1;
      if (results.errors.some((error) => error.type === 'Quotes')) {
        broken = true;
        return parser.abort();
      }
      const cells = results.data.map(unguarded);
      if (header === null) header = cells;
      else if (!isBlankRow(cells)) rows.push({ row: record, cells });
      if (rows.length > limits.rows) {
        over = true;
        parser.abort();
      }
    },
  });
  if (broken) return unreadable();
  if (header === null) return { ok: false, result: fileRefusal('no_rows') };
  if (over) return tooManyRows(limits.rows);
  return { ok: true, sheet: sheetOf(header, rows) };
}

/** The rows of an XLSX's first sheet, each cell as it shows (a link's text, a formula's result). */
export async function readXlsx(bytes: Uint8Array, limits: OutcomeImportLimits = OUTCOME_IMPORT_LIMITS): Promise<ReadOutcome> {
  const unzipped = zipDeclaredSize(bytes);
  if (unzipped === null) return unreadable();
  if (unzipped > MAX_UNZIPPED_BYTES) return { ok: false, result: fileRefusal('too_large', limits.bytes) };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return unreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return unreadable();
  if (sheet.actualRowCount > limits.rows + 1) return tooManyRows(limits.rows);
  let header: string[] | null = null;
  const rows: NumberedRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = Array.from({ length: Math.max(row.cellCount, header?.length ?? 0) }, (_, index) =>
      unguarded(row.getCell(index + 1).text),
    );
    if (header === null) header = cells;
    else if (!isBlankRow(cells)) rows.push({ row: number, cells });
  });
  if (header === null) return { ok: false, result: fileRefusal('no_rows') };
  return { ok: true, sheet: sheetOf(header, rows) };
}

/** Reads an outcomes file: an XLSX by its zip signature, else text as CSV; refused whole when too large or unreadable. */
export async function readOutcomeFile(bytes: Uint8Array, limits: OutcomeImportLimits = OUTCOME_IMPORT_LIMITS): Promise<ReadOutcome> {
  if (bytes.byteLength > limits.bytes) return { ok: false, result: fileRefusal('too_large', limits.bytes) };
  if (isZip(bytes)) return readXlsx(bytes, limits);
  const text = decodeText(bytes);
  // A binary file that is not a zip (an old .xls, a PDF…) is not text.
  if (text.includes('\u0000')) return unreadable();
  return readCsv(text, limits);
}
