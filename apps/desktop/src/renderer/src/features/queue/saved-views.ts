import { z } from 'zod';
import { restoreView, sameView, storeView, storedViewSchema, type QueueView } from './queue-view';

/** A view the user saved under a name: tab, filters and order (not the scroll position). */
export interface SavedView {
  readonly id: string;
  readonly name: string;
  readonly view: QueueView;
}

export const MAX_NAME_LENGTH = 60;
export const MAX_SAVED_VIEWS = 30;

export type NameProblem = 'empty' | 'tooLong' | 'taken' | 'tooMany';

/** Why a name cannot be used (for a new view, or for renaming `exceptId`); null when it can. */
export function nameProblem(views: readonly SavedView[], name: string, exceptId: string | null = null): NameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > MAX_NAME_LENGTH) return 'tooLong';
  const folded = trimmed.toLocaleLowerCase();
  if (views.some((view) => view.id !== exceptId && view.name.toLocaleLowerCase() === folded)) return 'taken';
  if (exceptId === null && views.length >= MAX_SAVED_VIEWS) return 'tooMany';
  return null;
}

function byName(a: SavedView, b: SavedView): number {
  return a.name.localeCompare(b.name);
}

export function addView(views: readonly SavedView[], id: string, name: string, view: QueueView): SavedView[] {
  if (nameProblem(views, name) !== null) return [...views];
  return [...views, { id, name: name.trim(), view }].sort(byName);
}

export function renameView(views: readonly SavedView[], id: string, name: string): SavedView[] {
  if (nameProblem(views, name, id) !== null) return [...views];
  return views.map((saved) => (saved.id === id ? { ...saved, name: name.trim() } : saved)).sort(byName);
}

export function removeView(views: readonly SavedView[], id: string): SavedView[] {
  return views.filter((saved) => saved.id !== id);
}

/** The saved view the current one is exactly, if any: it is shown as the one in use. */
export function matchingView(views: readonly SavedView[], current: QueueView): SavedView | null {
  return views.find((saved) => sameView(saved.view, current)) ?? null;
}

export const storedSavedViewSchema = z.object({
  id: z.string().min(1).max(80),
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  view: storedViewSchema,
});

export function storeSavedViews(views: readonly SavedView[]): z.infer<typeof storedSavedViewSchema>[] {
  return views.map((saved) => ({ id: saved.id, name: saved.name, view: storeView(saved.view) }));
}

/** Saved views read back; an entry that does not parse is dropped, the others kept. */
export function restoreSavedViews(stored: unknown): SavedView[] {
  if (!Array.isArray(stored)) return [];
  const out: SavedView[] = [];
  for (const entry of stored.slice(0, MAX_SAVED_VIEWS)) {
    const parsed = storedSavedViewSchema.safeParse(entry);
    if (parsed.success) out.push({ id: parsed.data.id, name: parsed.data.name, view: restoreView(parsed.data.view) });
  }
  return out.sort(byName);
}
