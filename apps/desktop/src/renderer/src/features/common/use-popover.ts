import { useEffect, useRef, useState, type RefObject } from 'react';

/** The button that opens the panel: a `<summary>`, or a button that says whether it is expanded. */
const OPENER = 'summary, [aria-expanded]';

/**
 * An open/closed panel under a button (the shell's notices and refusals, the queue's filters and
 * views): Escape, unless something in the panel already took it, or a press outside closes it;
 * after Escape, focus goes back to the button.
 */
export function usePopover<T extends HTMLElement>(): {
  readonly open: boolean;
  readonly toggle: () => void;
  readonly close: () => void;
  readonly ref: RefObject<T | null>;
} {
  const [open, setOpen] = useState(false);
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      setOpen(false);
      ref.current?.querySelector<HTMLElement>(OPENER)?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return { open, toggle: () => setOpen((value) => !value), close: () => setOpen(false), ref };
}
