import { campaignTermSchema, looserTerm, newId, type CampaignTerm, type PriorityPolicy } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { FormButtons } from '../common/FormButtons';
import { usePerformForm } from '../common/use-perform-form';
import { RefusalNote } from '../common/RefusalNote';
import { Field } from '../common/Field';

type Draft = Readonly<Record<string, { readonly ack: string; readonly action: string }>>;

/** The tighter terms typed (a blank figure keeps the policy's), or the label of the first priority whose terms cannot be used. */
function termsOf(policy: PriorityPolicy, draft: Draft): CampaignTerm[] | string {
  const terms: CampaignTerm[] = [];
  for (const level of policy.levels) {
    const typed = draft[level.label];
    if (!typed || (typed.ack.trim() === '' && typed.action.trim() === '')) continue;
    const term = {
      label: level.label,
      ackMinutes: typed.ack.trim() === '' ? level.ackMinutes : Number(typed.ack),
      actionMinutes: typed.action.trim() === '' ? level.actionMinutes : Number(typed.action),
    };
    if (!campaignTermSchema.safeParse(term).success || looserTerm([term], policy)) return level.label;
    terms.push(term);
  }
  return terms;
}

/** Starts a campaign: its name and, for any priority, tighter terms than the policy's. */
export function StartCampaignForm({ onStarted, onCancel }: { onStarted: (campaignId: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('campaigns');
  const policy = useDesk((state) => state.view.policy);
  const { busy, error, perform } = usePerformForm();
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<Draft>({});
  const [fieldError, setFieldError] = useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFieldError(null);
    if (name.trim() === '') return setFieldError(t('start.required'));
    const terms = termsOf(policy, draft);
    if (typeof terms === 'string') return setFieldError(t('start.badTerm', { label: terms }));
    const campaignId = newId();
    await perform('campaign.start', { campaignId, name: name.trim(), terms }, () => onStarted(campaignId));
  };
  const type = (label: string, key: 'ack' | 'action', value: string) =>
    setDraft((current) => ({
      ...current,
      [label]: { ack: current[label]?.ack ?? '', action: current[label]?.action ?? '', [key]: value },
    }));

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="campaign-start-form">
      <Field label={t('start.name')} hint={t('start.nameHint')} error={fieldError} required>
        {({ id, describedBy }) => (
          <input
            id={id}
            value={name}
            maxLength={120}
            aria-describedby={describedBy}
            data-testid="campaign-name"
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <fieldset className="cp-terms">
        <legend>{t('start.terms')}</legend>
        <p className="kit-hint">{t('start.termsHint')}</p>
        {policy.levels.map((level) => (
          <div className="cp-term" key={level.label}>
            <span className="cp-term-label">{level.label}</span>
            <label>
              {t('start.ack')}
              <input
                type="number"
                min={1}
                max={level.ackMinutes}
                inputMode="numeric"
                placeholder={String(level.ackMinutes)}
                data-testid={`campaign-ack-${level.label}`}
                value={draft[level.label]?.ack ?? ''}
                onChange={(event) => type(level.label, 'ack', event.target.value)}
              />
            </label>
            <label>
              {t('start.action')}
              <input
                type="number"
                min={1}
                max={level.actionMinutes}
                inputMode="numeric"
                placeholder={String(level.actionMinutes)}
                data-testid={`campaign-action-${level.label}`}
                value={draft[level.label]?.action ?? ''}
                onChange={(event) => type(level.label, 'action', event.target.value)}
              />
            </label>
            <span className="kit-hint">{t('start.policy', { ack: level.ackMinutes, action: level.actionMinutes })}</span>
          </div>
        ))}
      </fieldset>
      <RefusalNote error={error} />
      <FormButtons busy={busy} onCancel={onCancel} testId="campaign-start-submit" label={t('start.submit')} />
    </form>
  );
}
