import type { MeetingDecision, ProtocolError } from '@contact-desk/shared';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { RefusalNote } from '../common/RefusalNote';
import { InlineForm } from './InlineForm';
import { useRequiredTextSubmit } from './useRequiredTextSubmit';

/** One decision: its text and tags, and for the ministry its editing and removal until the minutes are adopted. */
export function DecisionRow({ decision, editable, children }: { decision: MeetingDecision; editable: boolean; children: ReactNode }) {
  const { t } = useTranslation('meetings');
  const perform = useDesk((s) => s.perform);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(decision.text);
  const [removeError, setRemoveError] = useState<ProtocolError | null>(null);
  const { invalid, error, submit } = useRequiredTextSubmit(
    text,
    () => perform('decision.update', { decisionId: decision.id, text: text.trim() }),
    () => setEditing(false),
  );
  const remove = async () => {
    const outcome = await perform('decision.remove', { decisionId: decision.id });
    setRemoveError(outcome.ok ? null : outcome.error);
  };

  if (editing) {
    return (
      <li data-testid="decision">
        <InlineForm testId="decision-edit" error={error} onSubmit={submit}>
          <label className="kit-field">
            <span>{t('minutes.decisionText')}</span>
            <textarea
              value={text}
              rows={2}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={invalid !== null}
              data-testid="decision-edit-text"
            />
          </label>
          {invalid && (
            <p className="kit-error" role="alert">
              {invalid}
            </p>
          )}
          <div className="mt-row-actions">
            <button type="submit" className="kit-button kit-button-primary" data-testid="decision-save">
              {t('minutes.saveDecision')}
            </button>
            <button type="button" className="kit-button" onClick={() => setEditing(false)}>
              {t('minutes.cancel')}
            </button>
          </div>
        </InlineForm>
      </li>
    );
  }
  return (
    <li data-testid="decision">
      <p className="mt-decision-text">{decision.text}</p>
      {children}
      {editable && (
        <div className="mt-row-actions">
          <button
            type="button"
            className="kit-button kit-button-small"
            data-testid="decision-edit-open"
            onClick={() => {
              setText(decision.text);
              setEditing(true);
            }}
          >
            {t('minutes.editDecision')}
          </button>
          <button type="button" className="kit-button kit-button-small" data-testid="decision-remove" onClick={() => void remove()}>
            {t('minutes.removeDecision')}
          </button>
        </div>
      )}
      <RefusalNote error={removeError} testId="decision-error" />
    </li>
  );
}
