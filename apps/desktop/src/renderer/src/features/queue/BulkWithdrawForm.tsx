import { LIMITS } from '@contact-desk/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The one reason a withdrawal of several requests asks for, before anything is sent. */
export function BulkWithdrawForm({
  count,
  running,
  onConfirm,
  onCancel,
}: {
  count: number;
  running: boolean;
  onConfirm(reason: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation(['queue', 'common']);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const missing = tried && reason.trim() === '';

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (reason.trim() !== '') onConfirm(reason.trim());
  };

  return (
    <form className="q-bulk-form" onSubmit={confirm} noValidate>
      <label htmlFor="q-withdraw-reason">{t('bulk.withdrawReason', { count })}</label>
      <input
        id="q-withdraw-reason"
        className="input"
        value={reason}
        autoFocus
        maxLength={LIMITS.textLength}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? 'q-withdraw-problem' : undefined}
        data-testid="bulk-withdraw-reason"
        onChange={(event) => setReason(event.target.value)}
      />
      <button type="submit" className="btn btn-small btn-danger" disabled={running || count === 0} data-testid="bulk-withdraw-confirm">
        {t('bulk.withdrawConfirm', { count })}
      </button>
      <button type="button" className="btn btn-small" onClick={onCancel}>
        {t('common:actions.cancel')}
      </button>
      {missing && (
        <span id="q-withdraw-problem" className="q-bulk-problem" role="alert">
          {t('bulk.reasonRequired')}
        </span>
      )}
    </form>
  );
}
