/**
 * Rows ticked for a bulk action. The anchor is the last row ticked on its own: a range
 * (shift) runs from it to the row reached. Only the ticked rows still listed count, so a
 * request that leaves the tab (closed by a colleague, filtered out) is never acted on unseen.
 */
export interface Selection {
  readonly ids: ReadonlySet<string>;
  readonly anchorId: string | null;
}

export const NO_SELECTION: Selection = { ids: new Set(), anchorId: null };

export function toggleRow(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchorId: id };
}

/** Ticks every row from the anchor to `id` (listed in `rowIds`), keeping what was ticked; without an anchor, ticks `id`. */
export function selectRange(selection: Selection, rowIds: readonly string[], id: string): Selection {
  const to = rowIds.indexOf(id);
  const from = selection.anchorId === null ? -1 : rowIds.indexOf(selection.anchorId);
  if (to < 0) return selection;
  if (from < 0) return { ids: new Set([...selection.ids, id]), anchorId: id };
  const ids = new Set(selection.ids);
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) ids.add(rowIds[i]!);
  return { ids, anchorId: selection.anchorId };
}

export function selectAll(rowIds: readonly string[]): Selection {
  return { ids: new Set(rowIds), anchorId: rowIds[0] ?? null };
}

/** The ticked rows still listed, in list order. */
export function listedSelection(selection: Selection, rowIds: readonly string[]): string[] {
  if (selection.ids.size === 0) return [];
  return rowIds.filter((id) => selection.ids.has(id));
}
