import { newId, type Meeting } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { Field } from '../common/Field';
import { InlineForm } from './InlineForm';
import { PlatformSelect } from './PlatformSelect';
import { SubmitButton } from './SubmitButton';
import { useRequiredTextSubmit } from './useRequiredTextSubmit';

/** Form to add a free agenda item, optionally about one invited platform. */
export function AgendaAddForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const perform = useDesk((s) => s.perform);
  const [title, setTitle] = useState('');
  const [platformId, setPlatformId] = useState('');
  const { invalid, error, submit } = useRequiredTextSubmit(
    title,
    () =>
      perform('agenda.addItem', {
        itemId: newId(),
        meetingId: meeting.id,
        kind: 'free',
        title: title.trim(),
        platformId: platformId || null,
      }),
    () => {
      setTitle('');
      setPlatformId('');
    },
  );

  return (
    <InlineForm testId="agenda-add-form" labelledBy="mt-add-item-title" error={error} onSubmit={submit}>
      <h3 id="mt-add-item-title" className="mt-subtitle">
        {t('agenda.addTitle')}
      </h3>
      <div className="mt-inline-row">
        <Field label={t('agenda.itemTitle')} error={invalid} required>
          {({ id, describedBy, invalid: bad }) => (
            <input
              id={id}
              value={title}
              maxLength={300}
              aria-describedby={describedBy}
              aria-invalid={bad}
              data-testid="agenda-add-title"
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <PlatformSelect
          label={t('agenda.platform')}
          platformIds={meeting.invitedPlatformIds}
          value={platformId}
          testId="agenda-add-platform"
          onChange={setPlatformId}
        />
        <SubmitButton label={t('agenda.add')} testId="agenda-add-submit" />
      </div>
    </InlineForm>
  );
}
