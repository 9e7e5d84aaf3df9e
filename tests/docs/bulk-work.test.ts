/**
 * docs/bulk-work.md states the outcomes file as the code reads it: every header name, outcome and
 * ground name the import accepts, every reason a row can be refused for, and the limits.
 */
import {
  CANNOT_EXECUTE_GROUNDS,
  GROUND_VALUE_NAMES,
  IMPORT_PROBLEMS,
  ITEM_OUTCOMES,
  OUTCOME_COLUMNS,
  OUTCOME_HEADER_NAMES,
  OUTCOME_IMPORT_LIMITS,
  OUTCOME_VALUE_NAMES,
} from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { readDoc, section, tableRows } from './markdown';

const doc = readDoc('docs/bulk-work.md');
const file = section(doc, '### The file');

/** The `code` spans of a cell. */
function codes(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

describe('docs/bulk-work.md', () => {
  it('names every accepted header of each column, and no other', () => {
    const rows = tableRows(file).filter((cells) => cells.length === 3);
    const titles = ['reference', 'location', 'item id', 'outcome', 'reason', 'ground'];
    OUTCOME_COLUMNS.forEach((column, index) => {
      const row = rows.find((cells) => cells[0]!.startsWith(titles[index]!));
      expect(row, column).toBeDefined();
      expect(codes(row![1]!).sort()).toEqual([...new Set([...OUTCOME_HEADER_NAMES[column].fr, ...OUTCOME_HEADER_NAMES[column].en])].sort());
    });
  });

  it('names every outcome and ground with each of its other names', () => {
    const rows = tableRows(file);
    for (const [code, names] of [
      ...ITEM_OUTCOMES.map((outcome) => [outcome, OUTCOME_VALUE_NAMES[outcome]] as const),
      ...CANNOT_EXECUTE_GROUNDS.map((ground) => [ground, GROUND_VALUE_NAMES[ground]] as const),
    ]) {
      const row = rows.find((cells) => cells[0] === `\`${code}\``);
      expect(row?.[1]?.split(', '), code).toEqual([...names]);
    }
  });

  it('explains every reason a row can be refused for, and states the limits the code has', () => {
    const reasons = section(doc, '### Why a row is refused');
    expect(
      tableRows(reasons)
        .flatMap((cells) => codes(cells[0] ?? ''))
        .sort(),
    ).toEqual([...IMPORT_PROBLEMS].sort());
    const limits = tableRows(section(doc, '### Limits'));
    const value = (start: string) => limits.find((cells) => cells[0]!.startsWith(start))?.[1];
    expect(value('file size')).toBe(`${OUTCOME_IMPORT_LIMITS.bytes / (1024 * 1024)} MB`);
    expect(value('rows under the header')).toBe(OUTCOME_IMPORT_LIMITS.rows.toLocaleString('en'));
    expect(value('requests in one file')).toBe(String(OUTCOME_IMPORT_LIMITS.requests));
  });
});
