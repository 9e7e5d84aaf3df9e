import {
  ACTION_ITEM_STATUSES,
  actionItemsOfMeeting,
  partyKey,
  type ActionItem,
  type ActionItemStatus,
  type Meeting,
  type ProtocolError,
} from '@contact-desk/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { formatDateTime } from '../common/format';
import { RefusalNote } from '../common/RefusalNote';
import { ActionItemForm } from './ActionItemForm';
import { CountedPanel } from './CountedPanel';
import { usePartyNames } from './MeetingForm';
import { PendingMarker } from '../common/PendingMarker';
import { TableHeader } from '../common/TableHeader';
import { useAllowed } from './useAllowed';

function formatDay(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'medium' }).format(ms);
}

export function ActionItemsPanel({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation('meetings');
  const view = useDesk((s) => s.view);
  const actor = useDesk((s) => s.sync.actor);
  const perform = useDesk((s) => s.perform);
  const relayNow = useDesk((s) => s.relayNow);
  const allowed = useAllowed(meeting);
  const { partyName } = usePartyNames();
  const list = useMemo(() => actionItemsOfMeeting(view.meetingRecords.values(), meeting), [view, meeting]);
  const [error, setError] = useState<ProtocolError | null>(null);
  const now = relayNow();

  const mayChange = (item: ActionItem): boolean => {
    if (!allowed('actionItem.setStatus') || !actor) return false;
    if (actor.role !== 'liaison') return true;
    return item.owner.kind === 'platform' && item.owner.platformId === actor.platformId;
  };
  const setStatus = async (item: ActionItem, status: ActionItemStatus) => {
    // Closed here, it is closed in this meeting: its minutes show it closed, with the date.
    const closedInMeetingId = status === 'open' ? null : meeting.id;
    const outcome = await perform('actionItem.setStatus', { actionItemId: item.id, status, closedInMeetingId });
    setError(outcome.ok ? null : outcome.error);
  };
  const origin = (item: ActionItem): string => {
    if (item.meetingId === meeting.id) return t('actions.thisMeeting');
    const m = view.meetingRecords.get(item.meetingId);
    return m && m.type === 'meeting'
      ? t('actions.earlier', { date: formatDateTime(m.startsAt, i18n.language) })
      : t('actions.earlierUnknown');
  };

  return (
    <CountedPanel
      section="actions"
      testId="meeting-action-items"
      count={list.length}
      list={() => (
        <div className="kit-table-wrap">
          <table className="kit-table mt-actions">
            <TableHeader
              columns={[
                { label: t('actions.text'), className: 'mt-col-text' },
                { label: t('actions.owner') },
                { label: t('actions.due') },
                { label: t('actions.origin') },
                { label: t('actions.status'), className: 'mt-col-status' },
              ]}
            />
            <tbody>
              {list.map((item) => {
                const overdue = item.status === 'open' && item.dueDate !== null && item.dueDate < now;
                return (
                  <tr key={item.id} data-testid="action-item" data-status={item.status} data-owner={partyKey(item.owner)}>
                    <td>
                      {item.text} <PendingMarker id={item.id} />
                    </td>
                    <td>{partyName(item.owner)}</td>
                    <td className={overdue ? 'mt-overdue' : undefined}>
                      {item.dueDate === null ? t('actions.noDue') : formatDay(item.dueDate, i18n.language)}
                      {overdue && <span className="mt-overdue-tag"> · {t('actions.overdue')}</span>}
                    </td>
                    <td className="kit-muted">{origin(item)}</td>
                    <td>
                      {mayChange(item) ? (
                        <select
                          value={item.status}
                          aria-label={t('actions.statusOf', { text: item.text })}
                          data-testid="action-item-status"
                          onChange={(e) => void setStatus(item, e.target.value as ActionItemStatus)}
                        >
                          {ACTION_ITEM_STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {t(`actions.value.${s}`)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <span className={`mt-status mt-status-${item.status}`} data-testid="action-item-status">
                          {t(`actions.value.${item.status}`)}
                        </span>
                      )}
                      {item.status !== 'open' && item.closedAt && (
                        <span className="kit-muted" data-testid="action-item-closed">
                          {' '}
                          {t('actions.closedOn', { date: formatDay(item.closedAt, i18n.language) })}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    >
      <RefusalNote error={error} testId="action-item-error" />
      {allowed('actionItem.create') && <ActionItemForm meeting={meeting} />}
    </CountedPanel>
  );
}
