import type { ButtonHTMLAttributes, ReactNode } from 'react';

/**
 * The head of an administration panel: its title with, at the right, its add button or other
 * tools (a filter, a version), then what the panel is for and the last thing done.
 */
export function PanelHead({
  title,
  add,
  tools,
  intro,
  notice,
}: {
  title: string;
  add?: { label: string; onClick: () => void; testId: string };
  tools?: ReactNode;
  intro?: string;
  notice?: string | null;
}) {
  return (
    <>
      <div className="ad-toolbar">
        <h2 className="kit-panel-title">{title}</h2>
        {add ? (
          <button type="button" className="kit-button kit-button-primary" onClick={add.onClick} data-testid={add.testId}>
            {add.label}
          </button>
        ) : null}
        {tools}
      </div>
      {intro ? (
        <p className="ad-note" role="note">
          {intro}
        </p>
      ) : null}
      {notice ? (
        <p className="kit-notice" role="status" data-testid="admin-notice">
          {notice}
        </p>
      ) : null}
    </>
  );
}

/** A small button among a table row's actions; `danger` for a step that cannot be taken back. */
export function RowButton({
  danger = false,
  ...button
}: ButtonHTMLAttributes<HTMLButtonElement> & { danger?: boolean; 'data-testid'?: string }) {
  return (
    <button
      type="button"
      className={danger ? 'kit-button kit-button-small kit-button-danger-outline' : 'kit-button kit-button-small'}
      {...button}
    />
  );
}
