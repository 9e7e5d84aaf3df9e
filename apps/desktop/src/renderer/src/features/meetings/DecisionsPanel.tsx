import { newId, type Meeting, type ProtocolError } from '@contact-desk/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { ErrorNote, Field } from '../request/widgets';
import { usePartyNames } from './MeetingForm';
import { Pending } from './PendingMarker';
import { PlatformSelect } from './PlatformSelect';
import { agendaOf, decisionsOf } from './meeting-model';
import { useAllowed } from './useAllowed';

export function DecisionsPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const view = useDesk((s) => s.view);
  const perform = useDesk((s) => s.perform);
  const allowed = useAllowed();
  const { platformName } = usePartyNames();
  const decisions = useMemo(() => decisionsOf(view, meeting.id), [view, meeting.id]);
  const items = useMemo(() => agendaOf(view, meeting.id), [view, meeting.id]);
  const [text, setText] = useState('');
  const [itemId, setItemId] = useState('');
  const [platformId, setPlatformId] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setInvalid(t('errors.text'));
      return;
    }
    setInvalid(null);
    const item = items.find((i) => i.id === itemId);
    const outcome = await perform('decision.add', {
      decisionId: newId(),
      meetingId: meeting.id,
      agendaItemId: itemId || null,
      platformId: platformId || item?.platformId || null,
      text: text.trim(),
    });
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setText('');
    setItemId('');
    setPlatformId('');
  };

  return (
    <section className="kit-panel" aria-labelledby="mt-decisions-title" data-testid="meeting-decisions">
      <h2 id="mt-decisions-title" className="kit-panel-title">
        {t('decisions.title')} <span className="mt-count">{decisions.length}</span>
      </h2>
      {decisions.length === 0 ? (
        <p className="kit-muted mt-empty">{t('decisions.empty')}</p>
      ) : (
        <ol className="mt-decisions">
          {decisions.map((decision) => {
            const item = decision.agendaItemId ? view.meetingRecords.get(decision.agendaItemId) : undefined;
            return (
              <li key={decision.id} data-testid="decision">
                <p className="mt-decision-text">{decision.text}</p>
                <div className="mt-item-tags">
                  {decision.platformId && <span className="mt-tag mt-tag-platform">{platformName(decision.platformId)}</span>}
                  {item && item.type === 'agendaItem' && <span className="mt-tag">{t('decisions.about', { title: item.title })}</span>}
                  <Pending id={decision.id} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {allowed('decision.add') && (
        <form className="mt-inline-form" onSubmit={(e) => void submit(e)} data-testid="decision-form" noValidate>
          <Field label={t('decisions.text')} error={invalid} required>
            {({ id, describedBy, invalid: bad }) => (
              <textarea id={id} rows={2} value={text} aria-describedby={describedBy} aria-invalid={bad} data-testid="decision-text" onChange={(e) => setText(e.target.value)} />
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
            <PlatformSelect label={t('decisions.platform')} platformIds={meeting.invitedPlatformIds} value={platformId} testId="decision-platform" onChange={setPlatformId} />
            <button type="submit" className="kit-button" data-testid="decision-submit">
              {t('decisions.add')}
            </button>
          </div>
          <ErrorNote error={error} />
        </form>
      )}
    </section>
  );
}
