import { useEffect, useRef, type RefObject } from 'react';

export interface QueueKeyActions {
  readonly rowCount: number;
  readonly cursorIndex: number;
  /** Rows in one page of the grid, for PageUp/PageDown. */
  readonly pageRows: number;
  /** Moves the cursor; `extend` ticks the rows from the anchor to the new cursor row. */
  moveTo(index: number, extend: boolean): void;
  /** Ticks or unticks the cursor row; `range` ticks from the anchor to it. */
  toggle(range: boolean): void;
  selectAll(): void;
  /** Unticks everything; false when nothing was ticked. */
  clearSelection(): boolean;
  open(): void;
  acknowledge(): void;
  take(): void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The queue's keys, anywhere on the screen except while typing or with a dialog open:
 * j/k move, x ticks (shift: a range), a acknowledges, t takes, Enter opens, / searches, Escape
 * unticks. On the focused grid also the arrows (shift extends), pages, Home/End, Space (like x)
 * and Ctrl+A (tick every listed row).
 */
export function useQueueKeys(
  actions: QueueKeyActions,
  grid: RefObject<HTMLElement | null>,
  search: RefObject<HTMLInputElement | null>,
): void {
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const a = latest.current;
      // A dialog open over the queue (a modal <dialog> has no aria-modal) keeps its keys: Escape closes it.
      if (event.defaultPrevented || event.altKey || document.querySelector('[aria-modal="true"], dialog[open]')) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape' && event.target === search.current) grid.current?.focus();
        return;
      }
      const onGrid = event.target === grid.current;
      const command = event.ctrlKey || event.metaKey;
      const at = Math.max(0, a.cursorIndex);
      const move = (index: number) => a.moveTo(Math.max(0, Math.min(a.rowCount - 1, index)), event.shiftKey);
      const handlers: Record<string, (() => void) | undefined> = command
        ? { a: onGrid ? a.selectAll : undefined }
        : {
            '/': () => {
              search.current?.focus();
              search.current?.select();
            },
            j: () => move(a.cursorIndex + 1),
            J: () => move(a.cursorIndex + 1),
            k: () => move(a.cursorIndex < 0 ? 0 : a.cursorIndex - 1),
            K: () => move(a.cursorIndex < 0 ? 0 : a.cursorIndex - 1),
            x: () => a.toggle(false),
            X: () => a.toggle(true),
            a: a.acknowledge,
            t: a.take,
            Escape: () => void a.clearSelection(),
            Enter: onGrid || event.target === document.body ? a.open : undefined,
            ...(onGrid
              ? {
                  ArrowDown: () => move(a.cursorIndex + 1),
                  ArrowUp: () => move(a.cursorIndex < 0 ? 0 : a.cursorIndex - 1),
                  PageDown: () => move(at + a.pageRows),
                  PageUp: () => move(at - a.pageRows),
                  Home: () => move(0),
                  End: () => move(a.rowCount - 1),
                  ' ': () => a.toggle(event.shiftKey),
                }
              : {}),
          };
      const handler = handlers[event.key];
      if (!handler || (a.rowCount === 0 && event.key !== '/')) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [grid, search]);
}
