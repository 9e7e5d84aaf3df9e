import {
  CANNOT_EXECUTE_GROUNDS,
  ITEM_OUTCOMES,
  LIMITS,
  type CannotExecuteGround,
  type ItemOutcome,
  type Request,
} from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons } from '../common/FormButtons';
import { OptionSelect } from '../common/OptionSelect';
import { usePerformForm } from '../common/use-perform-form';
import { Dialog } from '../common/Dialog';
import { RefusalNote } from '../common/RefusalNote';

interface AnswerRow {
  outcome: ItemOutcome | '';
  reason: string;
  ground: CannotExecuteGround | '';
}

export function AnswerDialog({ request, onClose }: { request: Request; onClose: (mutationId: string | null) => void }) {
  const { t } = useTranslation(['request', 'common']);
  const { busy, error, perform } = usePerformForm();
  const [rows, setRows] = useState<AnswerRow[]>(() =>
    request.items.map((item) => ({
      outcome: item.answer?.outcome ?? '',
      reason: item.answer?.reason ?? '',
      ground: item.answer?.ground ?? '',
    })),
  );
  const [all, setAll] = useState<ItemOutcome | ''>('');
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const update = (index: number, patch: Partial<AnswerRow>) =>
    setRows((previous) => previous.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const needsReason = (outcome: string) => outcome === 'refused' || outcome === 'cannot_execute';
  const filled = rows.filter((row) => row.outcome !== '').length;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found: Record<number, string> = {};
    rows.forEach((row, index) => {
      if (row.outcome === '') return;
      if (needsReason(row.outcome) && row.reason.trim() === '') found[index] = t('answer.reasonRequired');
      else if (row.outcome === 'cannot_execute' && row.ground === '') found[index] = t('answer.groundRequired');
    });
    setErrors(found);
    if (filled === 0) return setFormError(t('answer.nothing'));
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    const items = request.items.flatMap((item, index) => {
      const row = rows[index];
      if (!row || row.outcome === '') return [];
      return [
        {
          itemId: item.id,
          outcome: row.outcome,
          reason: row.reason.trim() === '' ? null : row.reason.trim(),
          ground: row.outcome === 'cannot_execute' && row.ground !== '' ? row.ground : null,
        },
      ];
    });
    await perform('request.answer', { requestId: request.id, items }, (queued) => onClose(queued.mutationId));
  };

  return (
    <Dialog title={`${t('answer.title')} — ${request.ref}`} onClose={() => onClose(null)} wide testId="dialog-answer">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <p className="kit-hint">{t('answer.intro')}</p>
        <div className="rq-same-all">
          <label htmlFor="rq-same-all">{t('answer.sameForAll')}</label>
          <OptionSelect<ItemOutcome | ''>
            id="rq-same-all"
            values={ITEM_OUTCOMES}
            value={all}
            label={(outcome) => (outcome === '' ? t('answer.noOutcome') : t(`common:outcome.${outcome}`))}
            empty={t('answer.noOutcome')}
            onChange={setAll}
            data-testid="answer-all-outcome"
          />
          <button
            type="button"
            className="kit-button"
            disabled={all === ''}
            data-testid="answer-apply-all"
            onClick={() => setRows((previous) => previous.map((row) => ({ ...row, outcome: all })))}
          >
            {t('answer.apply')}
          </button>
        </div>
        <ol className="rq-answer-list">
          {request.items.map((item, index) => {
            const row = rows[index] ?? { outcome: '', reason: '', ground: '' };
            return (
              <li key={item.id} className={errors[index] ? 'rq-answer-row kit-field-invalid' : 'rq-answer-row'} data-testid="answer-row">
                <div className="rq-answer-location kit-ellipsis" title={item.location}>
                  <span className="kit-muted">#{index + 1}</span> {item.location}
                </div>
                <div className="rq-answer-controls">
                  <OptionSelect<ItemOutcome | ''>
                    aria-label={t('answer.outcome', { index: index + 1 })}
                    values={ITEM_OUTCOMES}
                    value={row.outcome}
                    label={(outcome) => (outcome === '' ? t('answer.noOutcome') : t(`common:outcome.${outcome}`))}
                    empty={t('answer.noOutcome')}
                    onChange={(outcome) => update(index, { outcome })}
                    data-testid="answer-outcome"
                  />
                  {row.outcome === 'cannot_execute' ? (
                    <OptionSelect<CannotExecuteGround | ''>
                      aria-label={`${t('answer.ground')} #${index + 1}`}
                      values={CANNOT_EXECUTE_GROUNDS}
                      value={row.ground}
                      label={(ground) => (ground === '' ? t('answer.chooseGround') : t(`common:ground.${ground}`))}
                      empty={t('answer.chooseGround')}
                      onChange={(ground) => update(index, { ground })}
                      data-testid="answer-ground"
                    />
                  ) : null}
                  {row.outcome !== '' ? (
                    <input
                      type="text"
                      aria-label={`${t('answer.reason')} #${index + 1}`}
                      placeholder={t('answer.reason') + (needsReason(row.outcome) ? ' *' : '')}
                      value={row.reason}
                      maxLength={LIMITS.textLength}
                      data-testid="answer-reason"
                      onChange={(event) => update(index, { reason: event.target.value })}
                    />
                  ) : null}
                </div>
                {errors[index] ? <p className="kit-field-error">{errors[index]}</p> : null}
              </li>
            );
          })}
        </ol>
        {filled > 0 && filled < rows.length ? (
          <p className="kit-hint">{t('answer.partial', { done: filled, total: rows.length })}</p>
        ) : null}
        {formError ? (
          <p className="kit-field-error" role="alert">
            {formError}
          </p>
        ) : null}
        <RefusalNote error={error} />
        <FormButtons busy={busy} onCancel={() => onClose(null)} testId="submit-answer" label={t('common:actions.confirm')} />
      </form>
    </Dialog>
  );
}
