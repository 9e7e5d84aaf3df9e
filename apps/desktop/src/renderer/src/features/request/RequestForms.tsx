import {
  CANNOT_EXECUTE_GROUNDS,
  CATEGORIES,
  ITEM_OUTCOMES,
  LIMITS,
  normalizeLocation,
  splitLocations,
  type CannotExecuteGround,
  type Category,
  type ItemOutcome,
  type MutationType,
  type ProtocolError,
  type Request,
} from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { OptionSelect } from '../common/OptionSelect';
import { Dialog, ErrorNote, Field } from './widgets';

export type TextStep = 'requestInfo' | 'provideInfo' | 'contest' | 'withdraw' | 'close' | 'reopen' | 'escalate';

const TEXT_STEPS: Record<TextStep, { type: MutationType; field: string; optional?: boolean }> = {
  requestInfo: { type: 'request.requestInfo', field: 'question' },
  provideInfo: { type: 'request.provideInfo', field: 'answer' },
  contest: { type: 'request.contest', field: 'reason' },
  withdraw: { type: 'request.withdraw', field: 'reason' },
  close: { type: 'request.close', field: 'note', optional: true },
  reopen: { type: 'request.reopen', field: 'reason' },
  escalate: { type: 'request.escalate', field: 'note' },
};

function FormButtons({ busy, onCancel, testId, danger = false }: { busy: boolean; onCancel: () => void; testId: string; danger?: boolean }) {
  const { t } = useTranslation('common');
  return (
    <div className="kit-form-buttons">
      <button type="button" className="kit-button" onClick={onCancel}>
        {t('actions.cancel')}
      </button>
      <button type="submit" className={danger ? 'kit-button kit-button-danger' : 'kit-button kit-button-primary'} disabled={busy} data-testid={testId}>
        {t('actions.confirm')}
      </button>
    </div>
  );
}

export function TextStepDialog({ request, step, onClose }: { request: Request; step: TextStep; onClose: (done: boolean) => void }) {
  const { t } = useTranslation('request');
  const perform = useDesk((state) => state.perform);
  const config = TEXT_STEPS[step];
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!config.optional && value.length === 0) return setFieldError(t('forms.required'));
    if (value.length > LIMITS.textLength) return setFieldError(t('forms.tooLong', { max: LIMITS.textLength }));
    setFieldError(null);
    setBusy(true);
    const outcome = await perform(config.type, { requestId: request.id, [config.field]: value.length > 0 ? value : null });
    setBusy(false);
    if (outcome.ok) onClose(true);
    else setError(outcome.error);
  };
  const hint = t(`forms.${step}.hint`);
  return (
    <Dialog title={`${t(`forms.${step}.title`)} — ${request.ref}`} onClose={() => onClose(false)} testId={`dialog-${step}`}>
      <form onSubmit={submit} noValidate>
        <Field label={t(`forms.${step}.field`)} hint={hint || undefined} error={fieldError} required={!config.optional}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={5}
              autoFocus
              value={text}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              data-testid={`${step}-text`}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </Field>
        <ErrorNote error={error} />
        <FormButtons busy={busy} onCancel={() => onClose(false)} testId={`submit-${step}`} danger={step === 'withdraw' || step === 'contest'} />
      </form>
    </Dialog>
  );
}

interface AnswerRow {
  outcome: ItemOutcome | '';
  reason: string;
  ground: CannotExecuteGround | '';
}

export function AnswerDialog({ request, onClose }: { request: Request; onClose: (done: boolean) => void }) {
  const { t } = useTranslation('request');
  const perform = useDesk((state) => state.perform);
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
  const [error, setError] = useState<ProtocolError | null>(null);
  const [busy, setBusy] = useState(false);
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
    setBusy(true);
    const outcome = await perform('request.answer', { requestId: request.id, items });
    setBusy(false);
    if (outcome.ok) onClose(true);
    else setError(outcome.error);
  };

  return (
    <Dialog title={`${t('answer.title')} — ${request.ref}`} onClose={() => onClose(false)} wide testId="dialog-answer">
      <form onSubmit={submit} noValidate>
        <p className="kit-hint">{t('answer.intro')}</p>
        <div className="rq-same-all">
          <label htmlFor="rq-same-all">{t('answer.sameForAll')}</label>
          <OptionSelect<ItemOutcome | ''>
            id="rq-same-all"
            values={ITEM_OUTCOMES}
            value={all}
            label={(outcome) => t(`common:outcome.${outcome}`)}
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
                    label={(outcome) => t(`common:outcome.${outcome}`)}
                    empty={t('answer.noOutcome')}
                    onChange={(outcome) => update(index, { outcome })}
                    data-testid="answer-outcome"
                  />
                  {row.outcome === 'cannot_execute' ? (
                    <OptionSelect<CannotExecuteGround | ''>
                      aria-label={`${t('answer.ground')} #${index + 1}`}
                      values={CANNOT_EXECUTE_GROUNDS}
                      value={row.ground}
                      label={(ground) => t(`common:ground.${ground}`)}
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
        {filled > 0 && filled < rows.length ? <p className="kit-hint">{t('answer.partial', { done: filled, total: rows.length })}</p> : null}
        {formError ? <p className="kit-field-error" role="alert">{formError}</p> : null}
        <ErrorNote error={error} />
        <FormButtons busy={busy} onCancel={() => onClose(false)} testId="submit-answer" />
      </form>
    </Dialog>
  );
}

export function EditDialog({ request, onClose }: { request: Request; onClose: (done: boolean) => void }) {
  const { t } = useTranslation('request');
  const perform = useDesk((state) => state.perform);
  const [category, setCategory] = useState<Category>(request.category);
  const [grounds, setGrounds] = useState(request.grounds);
  const [pharosRef, setPharosRef] = useState(request.pharosRef ?? '');
  const [campaign, setCampaign] = useState(request.campaign ?? '');
  const [doNotInform, setDoNotInform] = useState(request.doNotInform);
  const [added, setAdded] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFieldError(null);
    if (grounds.trim() === '') return setFieldError(t('forms.required'));
    const patch: Record<string, unknown> = {};
    if (category !== request.category) patch.category = category;
    if (grounds.trim() !== request.grounds) patch.grounds = grounds.trim();
    if ((pharosRef.trim() || null) !== request.pharosRef) patch.pharosRef = pharosRef.trim() || null;
    if ((campaign.trim() || null) !== request.campaign) patch.campaign = campaign.trim() || null;
    if (doNotInform !== request.doNotInform) patch.doNotInform = doNotInform;
    const locations = splitLocations(added);
    if (locations.length > 0) {
      const seen = new Set(request.items.map((item) => item.normalized));
      for (const location of locations) {
        const key = normalizeLocation(location);
        if (seen.has(key)) return setFieldError(t('edit.duplicate', { location }));
        seen.add(key);
      }
      patch.addItems = locations;
    }
    if (Object.keys(patch).length === 0) return setFieldError(t('edit.nothing'));
    setBusy(true);
    const outcome = await perform('request.edit', { requestId: request.id, patch });
    setBusy(false);
    if (outcome.ok) onClose(true);
    else setError(outcome.error);
  };

  return (
    <Dialog title={`${t('edit.title')} — ${request.ref}`} onClose={() => onClose(false)} wide testId="dialog-edit">
      <form onSubmit={submit} noValidate className="kit-form-grid">
        <Field label={t('header.category')}>
          {({ id }) => (
            <OptionSelect id={id} values={CATEGORIES} value={category} label={(value) => t(`common:category.${value}`)} onChange={setCategory} data-testid="edit-category" />
          )}
        </Field>
        <Field label={t('header.pharosRef')}>
          {({ id }) => <input id={id} value={pharosRef} maxLength={LIMITS.shortTextLength} onChange={(event) => setPharosRef(event.target.value)} />}
        </Field>
        <Field label={t('header.campaign')}>
          {({ id }) => <input id={id} value={campaign} maxLength={LIMITS.shortTextLength} onChange={(event) => setCampaign(event.target.value)} />}
        </Field>
        <label className="kit-check">
          <input type="checkbox" checked={doNotInform} onChange={(event) => setDoNotInform(event.target.checked)} data-testid="edit-dni" /> {t('edit.doNotInform')}
        </label>
        <div className="kit-span-2">
          <Field label={t('header.grounds')} required>
            {({ id }) => <textarea id={id} rows={4} value={grounds} onChange={(event) => setGrounds(event.target.value)} />}
          </Field>
        </div>
        <div className="kit-span-2">
          <Field label={t('edit.addItems')}>
            {({ id }) => <textarea id={id} rows={3} value={added} onChange={(event) => setAdded(event.target.value)} data-testid="edit-add-items" />}
          </Field>
        </div>
        <div className="kit-span-2">
          {fieldError ? <p className="kit-field-error" role="alert">{fieldError}</p> : null}
          <ErrorNote error={error} />
          <FormButtons busy={busy} onCancel={() => onClose(false)} testId="submit-edit" />
        </div>
      </form>
    </Dialog>
  );
}
