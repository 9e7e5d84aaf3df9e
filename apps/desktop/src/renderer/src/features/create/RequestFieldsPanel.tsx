import { CATEGORIES, formatDuration, REQUEST_KINDS } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { figureLanguage } from '../common/format';
import { OptionSelect } from '../common/OptionSelect';
import { Field } from '../common/Field';
import type { CreateErrors } from './create-validation';
import type { RequestFields } from './send-model';
import type { FieldSetter } from './use-request-fields';

/** The fields every request of the sending shares: kind, priority, legal basis, grounds… */
export function RequestFieldsPanel({ fields, set, errors }: { fields: RequestFields; set: FieldSetter; errors: CreateErrors }) {
  const { t, i18n } = useTranslation(['create', 'common']);
  const levels = useDesk((state) => state.view.policy.levels);
  return (
    <div className="kit-panel">
      <div className="kit-form-grid">
        <Field label={t('kind')} required>
          {({ id }) => (
            <OptionSelect
              id={id}
              values={REQUEST_KINDS}
              value={fields.kind}
              label={(value) => t(`common:kind.${value}`)}
              onChange={(value) => set('kind', value)}
              data-testid="create-kind"
            />
          )}
        </Field>
        <Field label={t('category')} required>
          {({ id }) => (
            <OptionSelect
              id={id}
              values={CATEGORIES}
              value={fields.category}
              label={(value) => t(`common:category.${value}`)}
              onChange={(value) => set('category', value)}
              data-testid="create-category"
            />
          )}
        </Field>
        <div className="kit-span-2">
          <Field label={t('priority')} required>
            {({ id }) => (
              <select
                id={id}
                value={fields.priority}
                data-testid="create-priority"
                onChange={(event) => set('priority', event.target.value)}
              >
                {levels.map((level) => (
                  <option key={level.label} value={level.label}>
                    {t('priorityOption', {
                      label: level.label,
                      name: level.name,
                      ack: formatDuration(level.ackMinutes * 60_000, figureLanguage(i18n.language)),
                      action: formatDuration(level.actionMinutes * 60_000, figureLanguage(i18n.language)),
                    })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="kit-span-2">
          <Field label={t('grounds')} hint={t('groundsHint')} error={errors.grounds} required>
            {({ id, describedBy, invalid }) => (
              <textarea
                id={id}
                rows={4}
                value={fields.grounds}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                data-testid="create-grounds"
                onChange={(event) => set('grounds', event.target.value)}
              />
            )}
          </Field>
        </div>
        <Field label={t('pharosRef')} error={errors.pharosRef}>
          {({ id, describedBy }) => (
            <input
              id={id}
              value={fields.pharosRef}
              aria-describedby={describedBy}
              data-testid="create-pharos"
              onChange={(event) => set('pharosRef', event.target.value)}
            />
          )}
        </Field>
        <Field label={t('campaign')} hint={t('campaignHint')}>
          {({ id, describedBy }) => (
            <CampaignSelect
              id={id}
              value={fields.campaignId}
              aria-describedby={describedBy}
              data-testid="create-campaign"
              onChange={(value) => set('campaignId', value)}
            />
          )}
        </Field>
        {fields.kind === 'preservation' ? (
          <Field label={t('retentionUntil')} hint={t('retentionHint')} error={errors.retention} required>
            {({ id, describedBy }) => (
              <input
                id={id}
                type="date"
                value={fields.retention}
                aria-describedby={describedBy}
                data-testid="create-retention"
                onChange={(event) => set('retention', event.target.value)}
              />
            )}
          </Field>
        ) : null}
        <label className={`kit-check kit-span-2 cr-dni${fields.doNotInform ? ' cr-dni-on' : ''}`}>
          <input
            type="checkbox"
            checked={fields.doNotInform}
            data-testid="create-dni"
            onChange={(event) => set('doNotInform', event.target.checked)}
          />{' '}
          {t('doNotInform')}
        </label>
      </div>
    </div>
  );
}
