import { newId, type Meeting, type ProtocolError } from '@contact-desk/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { ErrorNote, Field } from '../request/widgets';
import { usePartyNames } from './MeetingForm';
import { fromDateInput, ministryTeams, partyFromValue } from './meeting-model';

export function ActionItemForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const view = useDesk((s) => s.view);
  const perform = useDesk((s) => s.perform);
  const { platformName, teamName } = usePartyNames();
  const teams = useMemo(() => ministryTeams(view), [view]);
  const platformIds = useMemo(() => {
    const others = [...view.platforms.values()]
      .filter((p) => p.active && !meeting.invitedPlatformIds.includes(p.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => p.id);
    return [...meeting.invitedPlatformIds, ...others];
  }, [view.platforms, meeting.invitedPlatformIds]);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [error, setError] = useState<ProtocolError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const party = partyFromValue(owner);
    if (!text.trim()) found.text = t('errors.text');
    if (!party) found.owner = t('actions.errors.owner');
    setInvalid(found);
    if (!party || Object.keys(found).length > 0) return;
    const outcome = await perform('actionItem.create', {
      actionItemId: newId(),
      meetingId: meeting.id,
      text: text.trim(),
      owner: party,
      dueDate: due ? fromDateInput(due) : null,
    });
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setText('');
    setDue('');
  };

  return (
    <form className="mt-inline-form" onSubmit={(e) => void submit(e)} data-testid="action-item-form" noValidate>
      <div className="mt-action-row">
        <Field label={t('actions.text')} error={invalid.text} required>
          {({ id, describedBy, invalid: bad }) => (
            <input id={id} value={text} aria-describedby={describedBy} aria-invalid={bad} data-testid="action-item-text" onChange={(e) => setText(e.target.value)} />
          )}
        </Field>
        <Field label={t('actions.owner')} error={invalid.owner} required>
          {({ id, describedBy, invalid: bad }) => (
            <select id={id} value={owner} aria-describedby={describedBy} aria-invalid={bad} data-testid="action-item-owner" onChange={(e) => setOwner(e.target.value)}>
              <option value="">{t('actions.chooseOwner')}</option>
              <optgroup label={t('actions.ownerPlatforms')}>
                {platformIds.map((pid) => (
                  <option key={pid} value={`platform:${pid}`}>
                    {platformName(pid)}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('actions.ownerMinistry')}>
                {teams.map((team) => (
                  <option key={team} value={`ministry:${team}`}>
                    {teamName(team)}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <Field label={t('actions.dueDate')}>
          {({ id }) => <input id={id} type="date" value={due} data-testid="action-item-due" onChange={(e) => setDue(e.target.value)} />}
        </Field>
        <button type="submit" className="kit-button" data-testid="action-item-submit">
          {t('actions.add')}
        </button>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
