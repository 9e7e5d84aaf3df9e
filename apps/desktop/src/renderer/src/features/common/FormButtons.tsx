import { useTranslation } from 'react-i18next';

/** Cancel and submit at the foot of a form: the submit button says `label`, is red for a step that cannot be undone, and waits while `busy`. */
export function FormButtons({
  busy,
  onCancel,
  testId,
  label,
  danger = false,
}: {
  busy: boolean;
  onCancel: () => void;
  testId: string;
  label: string;
  danger?: boolean;
}) {
  const { t } = useTranslation('common');
  return (
    <div className="kit-form-buttons">
      <button type="button" className="kit-button" onClick={onCancel}>
        {t('actions.cancel')}
      </button>
      <button
        type="submit"
        className={danger ? 'kit-button kit-button-danger' : 'kit-button kit-button-primary'}
        disabled={busy}
        data-testid={testId}
      >
        {label}
      </button>
    </div>
  );
}
