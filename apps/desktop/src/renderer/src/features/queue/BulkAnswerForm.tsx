import { CANNOT_EXECUTE_GROUNDS, ITEM_OUTCOMES, LIMITS, type CannotExecuteGround, type ItemOutcome } from '@contact-desk/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OptionSelect } from '../common/OptionSelect';
import { answerChoice, needsReason, type AnswerChoice, type ChoiceProblem } from './bulk-answer';

/**
 * One outcome for every item of the requests that can be answered: the outcome, its ground for a
 * "cannot execute", a reason (required for a refusal or a "cannot execute"), checked before
 * anything is sent.
 */
export function BulkAnswerForm({
  requests,
  items,
  running,
  onConfirm,
  onCancel,
}: {
  requests: number;
  items: number;
  running: boolean;
  onConfirm(choice: AnswerChoice): void;
  onCancel(): void;
}) {
  const { t } = useTranslation(['queue', 'common']);
  const [outcome, setOutcome] = useState<ItemOutcome | ''>('');
  const [ground, setGround] = useState<CannotExecuteGround | ''>('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ChoiceProblem | 'outcomeMissing' | null>(null);

  // What was said to be missing is no longer said once the liaison changes the form.
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setProblem(null);
    };
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    const choice = outcome === '' ? 'outcomeMissing' : answerChoice(outcome, reason, ground);
    if (typeof choice === 'string') return setProblem(choice);
    setProblem(null);
    onConfirm(choice);
  };
  const invalid = (what: 'outcome' | 'reason' | 'ground') =>
    ({ outcome: 'outcomeMissing', reason: 'reasonMissing', ground: 'groundMissing' })[what] === problem || undefined;
  const described = problem ? 'q-answer-problem' : undefined;

  return (
    <form className="q-bulk-form" onSubmit={confirm} noValidate data-testid="bulk-answer-form">
      <label htmlFor="q-answer-outcome">{t('bulk.answerFor', { count: items })}</label>
      <OptionSelect<ItemOutcome | ''>
        id="q-answer-outcome"
        className="select q-bulk-select"
        values={ITEM_OUTCOMES}
        value={outcome}
        label={(value) => (value === '' ? t('bulk.outcomeChoose') : t(`common:outcome.${value}`))}
        empty={t('bulk.outcomeChoose')}
        autoFocus
        aria-invalid={invalid('outcome')}
        aria-describedby={described}
        onChange={edit(setOutcome)}
        data-testid="bulk-answer-outcome"
      />
      {outcome === 'cannot_execute' && (
        <OptionSelect<CannotExecuteGround | ''>
          className="select q-bulk-select"
          aria-label={t('bulk.ground')}
          values={CANNOT_EXECUTE_GROUNDS}
          value={ground}
          label={(value) => (value === '' ? t('bulk.groundChoose') : t(`common:ground.${value}`))}
          empty={t('bulk.groundChoose')}
          aria-invalid={invalid('ground')}
          aria-describedby={described}
          onChange={edit(setGround)}
          data-testid="bulk-answer-ground"
        />
      )}
      <input
        className="input"
        aria-label={t('bulk.answerReason')}
        placeholder={needsReason(outcome) ? t('bulk.answerReasonNeeded') : t('bulk.answerReason')}
        value={reason}
        maxLength={LIMITS.textLength}
        aria-invalid={invalid('reason')}
        aria-describedby={described}
        data-testid="bulk-answer-reason"
        onChange={(event) => edit(setReason)(event.target.value)}
      />
      <button type="submit" className="btn btn-small btn-primary" disabled={running || requests === 0} data-testid="bulk-answer-confirm">
        {t('bulk.answerConfirm', { count: requests })}
      </button>
      <button type="button" className="btn btn-small" onClick={onCancel}>
        {t('common:actions.cancel')}
      </button>
      {problem && (
        <span id="q-answer-problem" className="q-bulk-problem" role="alert">
          {t(`bulk.${problem}`)}
        </span>
      )}
    </form>
  );
}
