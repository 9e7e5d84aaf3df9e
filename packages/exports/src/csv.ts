import Papa from 'papaparse';
import { formatDayMonthYear, formatDuration, formatIsoOffset, YIELD_EVERY, yieldToEventLoop } from './format.js';
import { LATE_COLUMNS, type LateCell } from './late-columns.js';
import { textsFor } from './texts/index.js';
import type { LateListInput, ProgressOptions } from './types.js';

/**
 * CSV dialects:
 * - `excel-fr`: what Excel opens right in a French locale — UTF-8 byte order mark, `;`
 *   separator, CRLF, decimal comma, dates `dd/mm/yyyy hh:mm` in the export's time zone, and
 *   cells starting with `=`, `+`, `-`, `@` prefixed with `'` so that Excel does not run them.
 * - `rfc4180`: for programs — no BOM, `,`, CRLF, ISO 8601 times with the zone's offset.
 */
export type CsvDialect = 'excel-fr' | 'rfc4180';

export interface CsvOptions extends ProgressOptions {
  readonly dialect: CsvDialect;
}

/**
 * The late-response list as CSV: one header row, then one row per request, nothing else —
 * no metadata lines, which would break the parsers. The period, time zone, generation time and
 * log position are in the suggested file name (`exportFileName`) and in the XLSX and PDF
 * exports; keep them together when you circulate the CSV.
 *
 * Delays are written `hh:mm` (hours not wrapped at 24), empty when on time; item counts as
 * plain integers.
 *
 * @param input the rows (from `lateResponseRows`) and the export's metadata
 * @param options the dialect, and `onProgress` called every 1000 rows
 * @returns the file's bytes (UTF-8)
 */
export async function lateListCsv(input: LateListInput, options: CsvOptions): Promise<Uint8Array> {
  const { rows, meta } = input;
  const texts = textsFor(meta.language);
  const excel = options.dialect === 'excel-fr';
  const writeCell = (cell: LateCell): string => {
    switch (cell.type) {
      case 'text':
        return cell.value;
      case 'lines':
        return cell.value.join(' ');
      case 'count':
        return excel ? String(cell.value).replace('.', ',') : String(cell.value);
      case 'duration':
        return cell.value === null ? '' : formatDuration(cell.value, true);
      case 'time':
        if (cell.value === null) return cell.empty ?? '';
        return excel ? formatDayMonthYear(cell.value, meta.timeZone) : formatIsoOffset(cell.value, meta.timeZone);
    }
  };
  const data: string[][] = [LATE_COLUMNS.map((column) => texts.late.columns[column.key])];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    data.push(LATE_COLUMNS.map((column) => writeCell(column.cell(row, texts))));
    if ((index + 1) % YIELD_EVERY === 0) {
      options.onProgress?.(index + 1, rows.length);
      await yieldToEventLoop();
    }
  }
  const csv = Papa.unparse(data, {
    delimiter: excel ? ';' : ',',
    newline: '\r\n',
    quotes: false,
    quoteChar: '"',
    escapeChar: '"',
    escapeFormulae: excel,
  });
  options.onProgress?.(rows.length, rows.length);
  return new TextEncoder().encode((excel ? '\uFEFF' : '') + csv + '\r\n');
}
