import { ATTENDANCE_STATUSES, partyKey, type AttendanceStatus, type Meeting, type Party, type ProtocolError } from '@contact-desk/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { RefusalNote } from '../common/RefusalNote';
import { usePartyNames } from './MeetingForm';
import { TableHeader } from '../common/TableHeader';
import { ministryTeams } from './meeting-model';
import { useAllowed } from './useAllowed';

/** Names typed as a comma-separated list, each trimmed, blanks left out. */
function namesOf(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
    .slice(0, 50);
}

export function AttendancePanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const view = useDesk((s) => s.view);
  const perform = useDesk((s) => s.perform);
  const allowed = useAllowed(meeting);
  const { partyName } = usePartyNames();
  const [error, setError] = useState<ProtocolError | null>(null);
  const editable = allowed('meeting.setAttendance');
  const teams = useMemo(() => ministryTeams(view), [view]);
  const groups: { label: string; parties: Party[] }[] = [
    { label: t('attendance.platforms'), parties: meeting.invitedPlatformIds.map((platformId) => ({ kind: 'platform', platformId })) },
    { label: t('attendance.ministry'), parties: teams.map((team) => ({ kind: 'ministry', team })) },
  ];

  const set = async (party: Party, status: AttendanceStatus, attendees = meeting.attendees?.[partyKey(party)] ?? []) => {
    const outcome = await perform('meeting.setAttendance', { meetingId: meeting.id, party, status, attendees });
    setError(outcome.ok ? null : outcome.error);
  };

  return (
    <section className="kit-panel" aria-labelledby="mt-attendance-title" data-testid="meeting-attendance">
      <h2 id="mt-attendance-title" className="kit-panel-title">
        {t('attendance.title')}
      </h2>
      <table className="kit-table mt-attendance">
        <TableHeader columns={[{ label: t('attendance.party') }, { label: t('attendance.status'), className: 'mt-att-status' }]} />
        {groups.map((group) => (
          <tbody key={group.label}>
            <tr className="mt-group-row">
              <th scope="colgroup" colSpan={2}>
                {group.label}
              </th>
            </tr>
            {group.parties.map((party) => {
              const key = partyKey(party);
              const status = meeting.attendance[key];
              const name = partyName(party);
              const names = meeting.attendees?.[key] ?? [];
              return (
                <tr key={key} data-testid="attendance-row" data-party={key}>
                  <th scope="row" className="mt-att-name">
                    {name}
                    {editable && status ? (
                      <input
                        key={names.join(',')}
                        className="mt-att-names"
                        aria-label={t('minutes.attendees', { party: name })}
                        defaultValue={names.join(', ')}
                        data-testid={`attendees-${key}`}
                        onBlur={(e) => {
                          const next = namesOf(e.target.value);
                          if (next.join(',') !== names.join(',')) void set(party, status, next);
                        }}
                      />
                    ) : (
                      names.length > 0 && <span className="kit-muted mt-att-names"> {names.join(', ')}</span>
                    )}
                  </th>
                  <td>
                    {editable ? (
                      <select
                        aria-label={t('attendance.statusOf', { party: name })}
                        value={status ?? ''}
                        data-testid={`attendance-${key}`}
                        className={status ? `mt-att-select mt-att-${status}` : 'mt-att-select'}
                        onChange={(e) => void set(party, e.target.value as AttendanceStatus)}
                      >
                        {!status && (
                          <option value="" disabled>
                            {t('attendance.unset')}
                          </option>
                        )}
                        {ATTENDANCE_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(`attendance.value.${s}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span className={status ? `mt-att mt-att-${status}` : 'kit-muted'} data-testid={`attendance-${key}`}>
                        {status ? t(`attendance.value.${status}`) : '—'}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
      <RefusalNote error={error} testId="attendance-error" />
    </section>
  );
}
