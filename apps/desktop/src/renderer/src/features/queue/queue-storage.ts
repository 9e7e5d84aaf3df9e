import { z } from 'zod';
import { restoreSavedViews, storeSavedViews, type SavedView } from './saved-views';
import { restoreView, storeView, storedViewSchema, type QueuePlace } from './queue-view';

/**
 * Where the queue keeps the user's place and saved views: `localStorage`, one key per profile
 * (the desk store's `profile`), stamped with the user it belongs to. Read synchronously when the
 * screen mounts, so the first paint is already the right tab, filters and scroll position — an
 * asynchronous Dexie read would first paint the default tab over 100k rows, then repaint. The
 * record is a few kilobytes and needs no schema change in the profile's database.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface QueueMemory {
  readonly place: QueuePlace | null;
  readonly views: readonly SavedView[];
}

const EMPTY: QueueMemory = { place: null, views: [] };

export function queueStorageKey(profile: string): string {
  return `contact-desk-queue:${profile}`;
}

const storedPlaceSchema = z.object({
  view: storedViewSchema,
  scrollTop: z.number().min(0).max(1e9).catch(0),
  cursorId: z.string().max(80).nullable().catch(null),
});

const storedMemorySchema = z.object({
  version: z.literal(1),
  userId: z.string().nullable(),
  place: storedPlaceSchema.nullable().catch(null),
  views: z.unknown(),
});

function defaultStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The profile's queue memory; empty when none is stored, it does not parse, or it is another user's. */
export function readQueueMemory(profile: string, userId: string | null, storage = defaultStorage()): QueueMemory {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(queueStorageKey(profile)) ?? null;
  } catch {
    return EMPTY;
  }
  if (raw === null) return EMPTY;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return EMPTY;
  }
  const parsed = storedMemorySchema.safeParse(json);
  if (!parsed.success || parsed.data.userId !== userId) return EMPTY;
  const { place, views } = parsed.data;
  return {
    place: place && { view: restoreView(place.view), scrollTop: place.scrollTop, cursorId: place.cursorId },
    views: restoreSavedViews(views),
  };
}

/** Replaces part of the profile's queue memory. Storage errors (quota, disabled) are ignored: it is a convenience. */
export function writeQueueMemory(profile: string, userId: string | null, patch: Partial<QueueMemory>, storage = defaultStorage()): void {
  if (!storage) return;
  const next = { ...readQueueMemory(profile, userId, storage), ...patch };
  const stored = {
    version: 1 as const,
    userId,
    place: next.place && { view: storeView(next.place.view), scrollTop: Math.round(next.place.scrollTop), cursorId: next.place.cursorId },
    views: storeSavedViews(next.views),
  };
  try {
    storage.setItem(queueStorageKey(profile), JSON.stringify(stored));
  } catch {
    // Nothing to do: the queue still works, it just will not remember.
  }
}
