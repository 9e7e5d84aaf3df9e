import { newId, type Meeting, type ProtocolError } from '@contact-desk/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { Field } from '../common/Field';
import { InlineForm } from './InlineForm';
import { usePartyNames } from './MeetingForm';
import { SubmitButton } from './SubmitButton';
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
  const ownerGroups = [
    { label: t('actions.ownerPlatforms'), options: platformIds.map((pid) => ({ value: `platform:${pid}`, name: platformName(pid) })) },
    { label: t('actions.ownerMinistry'), options: teams.map((team) => ({ value: `ministry:${team}`, name: teamName(team) })) },
  ];
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
    <InlineForm testId="action-item-form" error={error} onSubmit={submit}>
      <div className="mt-action-row">
        <Field label={t('actions.text')} error={invalid.text} required>
          {({ id, describedBy, invalid: bad }) => (
            <input
              id={id}
              value={text}
              aria-describedby={describedBy}
              aria-invalid={bad}
              data-testid="action-item-text"
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('actions.owner')} error={invalid.owner} required>
          {({ id, describedBy, invalid: bad }) => (
            <select
              id={id}
              value={owner}
              aria-describedby={describedBy}
              aria-invalid={bad}
              data-testid="action-item-owner"
              onChange={(e) => setOwner(e.target.value)}
            >
              <option value="">{t('actions.chooseOwner')}</option>
              {ownerGroups.map((group) => (
                <optgroup key={group.label} label={group.label}>
                  {group.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('actions.dueDate')}>
          {({ id }) => <input id={id} type="date" value={due} data-testid="action-item-due" onChange={(e) => setDue(e.target.value)} />}
        </Field>
        <SubmitButton label={t('actions.add')} testId="action-item-submit" />
      </div>
    </InlineForm>
  );
}
