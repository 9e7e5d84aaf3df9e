import { uuidv7 } from 'uuidv7';
import { z } from 'zod';

/** Client-generated identifiers are UUIDs (v7 preferred: time-ordered). */
export const entityIdSchema = z.uuid({ message: 'must be a UUID' });

/** Platform identifiers are short lowercase slugs: `meta`, `youtube`, `x`. */
export const platformIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be a lowercase slug of 1 to 32 letters, digits or dashes');

export function newId(): string {
  return uuidv7();
}

const REF_PATTERN = /^CD-(\d{4})-(\d{6,})$/;

/** Human reference of a request, assigned by the relay: `CD-2026-000123`. */
export function formatRef(year: number, counter: number): string {
  return `CD-${year}-${String(counter).padStart(6, '0')}`;
}

export function parseRef(ref: string): { year: number; counter: number } | undefined {
  const match = REF_PATTERN.exec(ref);
  if (!match) return undefined;
  return { year: Number(match[1]), counter: Number(match[2]) };
}
