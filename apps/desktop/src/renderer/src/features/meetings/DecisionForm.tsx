import { newId, type Meeting } from '@contact-desk/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { Field } from '../common/Field';
import { InlineForm } from './InlineForm';
import { PlatformSelect } from './PlatformSelect';
import { SubmitButton } from './SubmitButton';
import { agendaOf } from './meeting-model';
import { useRequiredTextSubmit } from './useRequiredTextSubmit';

export function DecisionForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const view = useDesk((s) => s.view);
  const perform = useDesk((s) => s.perform);
  const items = useMemo(() => agendaOf(view, meeting.id), [view, meeting.id]);
  const [text, setText] = useState('');
  const [itemId, setItemId] = useState('');
  const [platformId, setPlatformId] = useState('');
  const { invalid, error, submit } = useRequiredTextSubmit(
    text,
    () => {
      const item = items.find((i) => i.id === itemId);
      return perform('decision.add', {
        decisionId: newId(),
        meetingId: meeting.id,
        agendaItemId: itemId || null,
        platformId: platformId || item?.platformId || null,
        text: text.trim(),
      });
    },
    () => {
      setText('');
      setItemId('');
      setPlatformId('');
    },
  );

  return (
    <InlineForm testId="decision-form" error={error} onSubmit={submit}>
      <Field label={t('decisions.text')} error={invalid} required>
        {({ id, describedBy, invalid: bad }) => (
          <textarea
            id={id}
            rows={2}
            value={text}
            aria-describedby={describedBy}
            aria-invalid={bad}
            data-testid="decision-text"
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <div className="mt-inline-row">
        <Field label={t('decisions.item')}>
          {({ id }) => (
            <select id={id} value={itemId} data-testid="decision-item" onChange={(e) => setItemId(e.target.value)}>
              <option value="">{t('decisions.noItem')}</option>
              {items.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <PlatformSelect
          label={t('decisions.platform')}
          platformIds={meeting.invitedPlatformIds}
          value={platformId}
          testId="decision-platform"
          onChange={setPlatformId}
        />
        <SubmitButton label={t('decisions.add')} testId="decision-submit" />
      </div>
    </InlineForm>
  );
}
