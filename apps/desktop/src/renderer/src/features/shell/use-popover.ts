import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * An open/closed panel under a button in the shell: Escape or a click outside closes it, and
 * focus goes back to the button.
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
      if (event.key !== 'Escape') return;
      setOpen(false);
      ref.current?.querySelector<HTMLElement>('[aria-expanded]')?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return { open, toggle: () => setOpen((value) => !value), close: () => setOpen(false), ref };
}
