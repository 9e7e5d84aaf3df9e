import { formatDuration, newId, previousMeeting, type AgendaItem, type Meeting, type ProtocolError } from '@contact-desk/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { figureLanguage, formatDateTime } from '../common/format';
import { RefusalNote } from '../common/RefusalNote';
import { AgendaAddForm } from './AgendaAddForm';
import { AgendaEntry } from './AgendaEntry';
import { usePartyNames } from './MeetingForm';
import { agendaOf, agendaPlan, hasAgendaItem, requestIdByRef } from './meeting-model';
import { useAllowed } from './useAllowed';

export function AgendaPanel({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation('meetings');
  const view = useDesk((s) => s.view);
  const perform = useDesk((s) => s.perform);
  const relayNow = useDesk((s) => s.relayNow);
  const allowed = useAllowed(meeting);
  const { platformName } = usePartyNames();
  const items = useMemo(() => agendaOf(view, meeting.id), [view, meeting.id]);
  const refIds = useMemo(() => requestIdByRef(view), [view]);
  const previous = useMemo(() => previousMeeting(view.meetingRecords.values(), meeting), [view, meeting]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const editable = allowed('agenda.addItem');
  const lang = i18n.language;

  const duration = (ms: number | undefined) => (ms === undefined ? t('agenda.noValue') : formatDuration(ms, figureLanguage(lang)));
  const percent = (share: number | undefined) =>
    share === undefined
      ? t('agenda.noValue')
      : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'percent', maximumFractionDigits: 0 }).format(share);

  /** Swaps an item with its neighbour: the relay gets the whole new order. */
  const move = async (index: number, step: -1 | 1) => {
    const ids = items.map((item) => item.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + step, 0, moved);
    const outcome = await perform('agenda.reorder', { meetingId: meeting.id, itemIds: ids });
    setError(outcome.ok ? null : outcome.error);
  };

  const build = async () => {
    setBusy(true);
    setNotice(null);
    setError(null);
    const plan = agendaPlan(view, meeting, relayNow());
    let added = 0;
    const add = async (args: { kind: AgendaItem['kind']; title: string; platformId: string; requestRefs?: string[] }) => {
      const outcome = await perform('agenda.addItem', { itemId: newId(), meetingId: meeting.id, ...args });
      if (!outcome.ok) {
        setError(outcome.error);
        return false;
      }
      added += 1;
      return true;
    };
    for (const entry of plan) {
      const name = platformName(entry.platformId);
      if (entry.late.length > 0 && !hasAgendaItem(items, 'late_requests', entry.platformId)) {
        const counts = [
          entry.lateCount > 0 ? t('agenda.late', { count: entry.lateCount }) : null,
          entry.unansweredCount > 0 ? t('agenda.unanswered', { count: entry.unansweredCount }) : null,
        ].filter((part): part is string => part !== null);
        const title = t('agenda.lateTitle', { platform: name, counts: counts.join(', ') });
        if (!(await add({ kind: 'late_requests', title, platformId: entry.platformId, requestRefs: entry.late.map((r) => r.ref) }))) break;
      }
      if (!hasAgendaItem(items, 'figures', entry.platformId)) {
        const f = entry.figures;
        const title =
          !f || f.created === 0
            ? t('agenda.figuresNone', { platform: name })
            : t('agenda.figuresTitle', {
                platform: name,
                requests: t('agenda.requests', { count: f.created }),
                median: duration(f.medianTimeToAck),
                p90: duration(f.p90TimeToAck),
                onTime: percent(f.onTimeShare),
              });
        if (!(await add({ kind: 'figures', title, platformId: entry.platformId }))) break;
      }
      if (entry.openActionItems.length > 0 && !hasAgendaItem(items, 'action_items', entry.platformId)) {
        const title = t('agenda.actionsTitle', { platform: name, count: entry.openActionItems.length });
        if (!(await add({ kind: 'action_items', title, platformId: entry.platformId }))) break;
      }
    }
    setBusy(false);
    setNotice(added > 0 ? t('agenda.built', { count: added }) : t('agenda.upToDate'));
  };

  const from = previous ? t('agenda.since', { date: formatDateTime(previous.startsAt, lang, true) }) : t('agenda.lookback');

  return (
    <section className="kit-panel" aria-labelledby="mt-agenda-title" data-testid="meeting-agenda">
      <div className="mt-panel-head">
        <h2 id="mt-agenda-title" className="kit-panel-title">
          {t('agenda.title')} <span className="mt-count">{items.length}</span>
        </h2>
        {editable && (
          <button
            type="button"
            className="kit-button kit-button-primary"
            data-testid="build-agenda"
            disabled={busy || meeting.invitedPlatformIds.length === 0}
            aria-describedby="mt-build-hint"
            onClick={() => void build()}
          >
            {busy ? t('agenda.building') : t('agenda.build')}
          </button>
        )}
      </div>
      {editable && (
        <p id="mt-build-hint" className="kit-hint mt-build-hint">
          {meeting.invitedPlatformIds.length === 0 ? t('agenda.noInvited') : t('agenda.buildHint', { from })}
        </p>
      )}
      {notice && (
        <p className="kit-notice" role="status" data-testid="build-agenda-result">
          {notice}
        </p>
      )}
      <RefusalNote error={error} testId="agenda-error" />
      {items.length === 0 ? (
        <p className="kit-muted mt-empty">{t('agenda.empty')}</p>
      ) : (
        <ol className="mt-agenda" data-testid="agenda-list">
          {items.map((item, index) => (
            <AgendaEntry key={item.id} item={item} index={index + 1} refIds={refIds} editable={editable}>
              {allowed('agenda.reorder') && items.length > 1 && (
                <span className="mt-move" role="group">
                  <button
                    type="button"
                    className="kit-button kit-button-small"
                    disabled={index === 0}
                    aria-label={t('minutes.moveUp', { title: item.title })}
                    data-testid="agenda-move-up"
                    onClick={() => void move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="kit-button kit-button-small"
                    disabled={index === items.length - 1}
                    aria-label={t('minutes.moveDown', { title: item.title })}
                    data-testid="agenda-move-down"
                    onClick={() => void move(index, 1)}
                  >
                    ↓
                  </button>
                </span>
              )}
            </AgendaEntry>
          ))}
        </ol>
      )}
      {editable && <AgendaAddForm meeting={meeting} />}
    </section>
  );
}
