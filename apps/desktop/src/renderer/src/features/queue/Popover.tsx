import { useCallback, useEffect, useRef, type ReactNode } from 'react';

/**
 * A button that opens a panel below it (a `<details>`): closed by a click outside, by Escape
 * (focus back on the button) or by the panel itself through `close`.
 */
export function Popover(props: {
  className: string;
  testId: string;
  summary: ReactNode;
  active: boolean;
  children: (close: () => void) => ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const close = useCallback(() => {
    if (!ref.current?.open) return;
    ref.current.open = false;
    ref.current.querySelector('summary')?.focus();
  }, []);
  useEffect(() => {
    const onDown = (event: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && ref.current?.open && !event.defaultPrevented) close();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [close]);
  return (
    <details ref={ref} className={`q-pop ${props.className}${props.active ? ' is-active' : ''}`} data-testid={props.testId}>
      <summary className="select q-pop-summary">{props.summary}</summary>
      <div className="q-pop-panel">{props.children(close)}</div>
    </details>
  );
}
