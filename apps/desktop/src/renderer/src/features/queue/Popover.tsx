import type { ReactNode } from 'react';
import { usePopover } from '../common/use-popover';

/**
 * A button that opens a panel below it (a `<details>`), closed as every popover is (usePopover)
 * or by the panel itself through `close`, which puts focus back on the button.
 */
export function Popover(props: {
  className: string;
  testId: string;
  summary: ReactNode;
  active: boolean;
  children: (close: () => void) => ReactNode;
}) {
  const { open, toggle, close, ref } = usePopover<HTMLDetailsElement>();
  const closeToButton = () => {
    close();
    ref.current?.querySelector('summary')?.focus();
  };
  return (
    <details ref={ref} open={open} className={`q-pop ${props.className}${props.active ? ' is-active' : ''}`} data-testid={props.testId}>
      <summary
        className="select q-pop-summary"
        onClick={(event) => {
          event.preventDefault();
          toggle();
        }}
      >
        {props.summary}
      </summary>
      <div className="q-pop-panel">{props.children(closeToButton)}</div>
    </details>
  );
}
