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
