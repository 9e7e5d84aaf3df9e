import type { ProtocolError } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../common/Dialog';
import { RefusalNote } from '../common/RefusalNote';

/**
 * A secret the relay hands over once — an enrollment code, a webhook's signing secret, an API
 * key: shown large, copyable, with what to do with it. Closing the dialog forgets it.
 */
export function SecretDialog({
  title,
  explanation,
  secret,
  footnote,
  onClose,
  testId,
}: {
  title: string;
  explanation: string;
  secret: string;
  footnote?: string | undefined;
  onClose: () => void;
  testId: string;
}) {
  const { t } = useTranslation(['integrations', 'common']);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      <p>{explanation}</p>
      <p className={secret.length > 24 ? 'ad-code ad-code-long' : 'ad-code'} data-testid="one-time-secret">
        {secret}
      </p>
      {footnote ? <p className="kit-hint">{footnote}</p> : null}
      <div className="kit-form-buttons">
        {copied ? (
          <span className="kit-notice" role="status">
            {t('copied')}
          </span>
        ) : null}
        <button type="button" className="kit-button" onClick={() => void copy()}>
          {t('copy')}
        </button>
        <button type="button" className="kit-button kit-button-primary" onClick={onClose} data-testid="one-time-secret-close">
          {t('common:actions.close')}
        </button>
      </div>
    </Dialog>
  );
}

/** Asks before a step that cannot be taken back; shows the relay's refusal if it comes. */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  onConfirm,
  onClose,
  testId = 'dialog-confirm',
}: {
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => Promise<ProtocolError | null>;
  onClose: () => void;
  testId?: string;
}) {
  const { t } = useTranslation(['common']);
  const [error, setError] = useState<ProtocolError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const refused = await onConfirm();
    setBusy(false);
    if (refused) setError(refused);
    else onClose();
  };
  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      <form onSubmit={(event) => void submit(event)}>
        <p>{text}</p>
        <RefusalNote error={error} />
        <div className="kit-form-buttons">
          <button type="button" className="kit-button" onClick={onClose} autoFocus>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="kit-button kit-button-danger" disabled={busy} data-testid="confirm-action">
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
