import { useCallback, useMemo, useState } from 'react';
import type { Row } from './queue-order';
import { NO_SELECTION, listedSelection, selectAll, selectRange, toggleRow } from './queue-selection';

/** The ticked rows of the list (queue-selection.ts), with the ids of the ones still listed. */
export function useSelection(rows: readonly Row[]) {
  const [selection, setSelection] = useState(NO_SELECTION);
  const rowIds = useMemo(() => rows.map((row) => row.entry.request.id), [rows]);
  const listed = useMemo(() => listedSelection(selection, rowIds), [selection, rowIds]);
  return {
    ticked: selection.ids,
    listed,
    anchored: selection.anchorId !== null,
    toggle: useCallback((id: string) => setSelection((previous) => toggleRow(previous, id)), []),
    range: useCallback((id: string) => setSelection((previous) => selectRange(previous, rowIds, id)), [rowIds]),
    /** Ticks every listed row, or unticks them all when they already are. */
    all: useCallback(
      () => setSelection((previous) => (listedSelection(previous, rowIds).length === rowIds.length ? NO_SELECTION : selectAll(rowIds))),
      [rowIds],
    ),
    clear: useCallback(() => setSelection(NO_SELECTION), []),
  };
}
