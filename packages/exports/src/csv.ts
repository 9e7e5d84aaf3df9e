import { formatDuration } from '@contact-desk/shared';
import Papa from 'papaparse';
import { formatDayMonthYear, formatIsoOffset, formatOffset, metaLines, YIELD_EVERY, yieldToEventLoop } from './format.js';
import { SHEET_LATE_COLUMNS, type LateCell } from './late-columns.js';
import { textsFor } from './texts/index.js';
import type { ExportMeta, LateListInput, ProgressOptions } from './types.js';

/**
 * CSV dialects:
 * - `excel-fr`: what Excel opens right in a French locale — UTF-8 byte order mark, `;`
 *   separator, CRLF, dates `dd/mm/yyyy hh:mm +01:00` in the export's time zone with its offset,
 *   and cells starting with `=`, `+`, `-`, `@` prefixed with `'` so that Excel does not run them.
 * - `rfc4180`: for programs — no BOM, `,`, CRLF, ISO 8601 times with the zone's offset.
 */
export type CsvDialect = 'excel-fr' | 'rfc4180';

export interface CsvOptions extends ProgressOptions {
  readonly dialect: CsvDialect;
}

/** The comment mark opening each line of the preamble (pandas `comment='#'`, Papa Parse `comments: '#'`). */
export const CSV_COMMENT = '#';

/** `dd/mm/yyyy hh:mm +01:00`: the French spreadsheet habit, with the offset that makes it an instant. */
function frenchTime(ms: number, timeZone: string): string {
  return `${formatDayMonthYear(ms, timeZone)} ${formatOffset(ms, timeZone).slice(3).replace('−', '-')}`;
}

/**
 * The preamble: what a reader of the file alone needs to check it against the relay's log —
 * title, period, time zone, generation time, log position (seq and head hash), platforms and
 * row count — one `# label` / value pair a line, the same lines as the other exports' headers.
 */
function preamble(meta: ExportMeta, rows: number): string[][] {
  const texts = textsFor(meta.language);
  return [
    [`${CSV_COMMENT} ${meta.title}`],
    ...metaLines(meta, texts, [[texts.meta.rows, String(rows)]]).map(([label, value]) => [`${CSV_COMMENT} ${label}`, value]),
  ];
}

/**
 * The late-response list as CSV: a preamble of comment lines (`# Période;…`, see `preamble`),
 * then one header row and one row per request. Spreadsheets show the preamble as the first rows,
 * above the table; programs skip it as comments. Delays are written as in every export
 * (`formatDuration`: `8 min`, `2 h 05`, `3 j 04 h`), empty when on time; an empty action deadline
 * says why in the column beside it; item counts are plain integers.
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
        return String(cell.value);
      case 'duration':
        return cell.value === null ? '' : formatDuration(cell.value, meta.language);
      case 'time':
        if (cell.value === null) return '';
        return excel ? frenchTime(cell.value, meta.timeZone) : formatIsoOffset(cell.value, meta.timeZone);
    }
  };
  const data: string[][] = [...preamble(meta, rows.length), SHEET_LATE_COLUMNS.map((column) => texts.late.columns[column.key])];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    data.push(SHEET_LATE_COLUMNS.map((column) => writeCell(column.cell(row, texts))));
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
