import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';

/** Forgetting the device: credentials and local data go; a new code is needed to come back. */
export function SignOutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['shell', 'common']);
  const pending = useDesk((s) => s.sync.pending);
  const signOut = useDesk((s) => s.signOut);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    cancelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, [onClose]);
  return (
    <div className="shell-overlay" onClick={onClose}>
      <div
        className="shell-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="signout-title"
        aria-describedby="signout-body"
        data-testid="sign-out-dialog"
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id="signout-title">{t('signOut.title')}</h2>
        <p id="signout-body">{t('signOut.body')}</p>
        {pending > 0 && <p className="shell-dialog-warning">{t('signOut.pendingWarning', { count: pending })}</p>}
        <div className="shell-dialog-actions">
          <button type="button" ref={cancelRef} className="btn" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy}
            data-testid="sign-out-confirm"
            onClick={() => {
              setBusy(true);
              void signOut();
            }}
          >
            {t('signOut.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
