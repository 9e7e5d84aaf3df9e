import { uuidv7 } from 'uuidv7';
import { z } from 'zod';

/** Client-generated identifiers are UUIDs (v7 preferred: time-ordered). */
export const entityIdSchema = z.uuid({ message: 'must be a UUID' });

/** Platform identifiers are short lowercase slugs: `meta`, `youtube`, `x`. */
export const platformIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be a lowercase slug of 1 to 32 letters, digits or dashes');

let idSource: () => string = uuidv7;

/** A new identifier: a UUIDv7, unless `useIdSource` gave another source. */
export function newId(): string {
  return idSource();
}

/**
 * Makes `newId` take its ids from `source` until the returned function restores the previous
 * one: for logs that must come out the same on every run (the documentation's examples, fixed
 * test data), where a random id would change every hash of the chain after it.
 */
export function useIdSource(source: () => string): () => void {
  const previous = idSource;
  idSource = source;
  return () => {
    idSource = previous;
  };
}

/**
 * UUIDv7s from a clock and a counter instead of randomness: the time bits are the clock's time,
 * the random bits a count of the ids made so far. For `useIdSource`.
 */
export function sequentialIds(now: () => number): () => string {
  let count = 0;
  return () => {
    count += 1;
    const time = Math.floor(now()).toString(16).padStart(12, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7000-8000-${count.toString(16).padStart(12, '0')}`;
  };
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
