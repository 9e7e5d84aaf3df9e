import { reasonOf, type ProtocolError } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { wordRefusal, translateWith } from './refusal-wording';
import '../../styles/kit.css';

/** A refusal (from `perform`, or the relay's answer), worded in the user's language. */
export function RefusalNote({
  error,
  testId = 'form-error',
  title,
  onDismiss,
}: {
  error: ProtocolError | null;
  testId?: string;
  /** A heading before the sentence (e.g. which action was refused). */
  title?: string;
  /** Shows a dismiss button when given. */
  onDismiss?: () => void;
}) {
  const { t } = useTranslation('common');
  if (!error) return null;
  return (
    <div className="kit-error" role="alert" data-testid={testId} data-code={error.code} data-reason={reasonOf(error) ?? ''}>
      <span className="kit-error-text">
        {title ? <strong>{title}</strong> : null}
        <span data-testid={`${testId}-text`}>{wordRefusal(error, translateWith(t))}</span>
      </span>
      {onDismiss ? (
        <button type="button" className="kit-button kit-button-small" data-testid={`${testId}-dismiss`} onClick={onDismiss}>
          {t('refusalDismiss')}
        </button>
      ) : null}
    </div>
  );
}
