import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/kit.css';

/** A modal dialog on the native <dialog>: focus stays inside, Escape closes. */
export function Dialog({
  title,
  onClose,
  children,
  wide = false,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation('common');
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'kit-dialog kit-dialog-wide' : 'kit-dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="kit-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="kit-icon-button" aria-label={t('actions.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="kit-dialog-body">{children}</div>
    </dialog>
  );
}

/** Refusals are worded once, for every screen (see features/common/refusal-wording.ts). */
export { RefusalNote as ErrorNote } from '../common/RefusalNote';

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

/** Short lowercase class for a priority label: P0 → p0; unknown labels share a neutral look. */
export function priorityClass(label: string): string {
  return /^P[0-2]$/.test(label) ? `kit-prio kit-prio-${label.toLowerCase()}` : 'kit-prio';
}
