import { useId, type ReactNode } from 'react';
import '../../styles/kit.css';

/** A labelled field with an optional hint and inline error, ids wired for screen readers. */
export function Field({
  label,
  hint,
  error,
  children,
  required = false,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  required?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'kit-field kit-field-invalid' : 'kit-field'}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="kit-required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint ? (
        <p id={hintId} className="kit-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="kit-field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
