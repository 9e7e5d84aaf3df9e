import { newId, type Meeting, type ProtocolError } from '@contact-desk/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { ErrorNote, Field } from '../request/widgets';
import { PlatformSelect } from './PlatformSelect';

export function AgendaAddForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const perform = useDesk((s) => s.perform);
  const [title, setTitle] = useState('');
  const [platformId, setPlatformId] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setInvalid(t('errors.text'));
      return;
    }
    setInvalid(null);
    const outcome = await perform('agenda.addItem', {
      itemId: newId(),
      meetingId: meeting.id,
      kind: 'free',
      title: title.trim(),
      platformId: platformId || null,
    });
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setTitle('');
    setPlatformId('');
  };

  return (
    <form className="mt-inline-form" onSubmit={(e) => void submit(e)} data-testid="agenda-add-form" aria-labelledby="mt-add-item-title" noValidate>
      <h3 id="mt-add-item-title" className="mt-subtitle">
        {t('agenda.addTitle')}
      </h3>
      <div className="mt-inline-row">
        <Field label={t('agenda.itemTitle')} error={invalid} required>
          {({ id, describedBy, invalid: bad }) => (
            <input id={id} value={title} maxLength={300} aria-describedby={describedBy} aria-invalid={bad} data-testid="agenda-add-title" onChange={(e) => setTitle(e.target.value)} />
          )}
        </Field>
        <PlatformSelect label={t('agenda.platform')} platformIds={meeting.invitedPlatformIds} value={platformId} testId="agenda-add-platform" onChange={setPlatformId} />
        <button type="submit" className="kit-button" data-testid="agenda-add-submit">
          {t('agenda.add')}
        </button>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
