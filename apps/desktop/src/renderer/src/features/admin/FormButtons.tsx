import { useTranslation } from 'react-i18next';

/** Cancel and submit, at the foot of every administration form. */
export function Buttons({ busy, onCancel, testId, label }: { busy: boolean; onCancel: () => void; testId: string; label?: string }) {
  const { t } = useTranslation('common');
  return (
    <div className="kit-form-buttons">
      <button type="button" className="kit-button" onClick={onCancel}>
        {t('actions.cancel')}
      </button>
      <button type="submit" className="kit-button kit-button-primary" disabled={busy} data-testid={testId}>
        {label ?? t('actions.save')}
      </button>
    </div>
  );
}
