import { MeetingExports } from '../exports/MeetingExports';
import {
  ACTION_ITEM_STATUSES,
  ATTENDANCE_STATUSES,
  mutationsFor,
  newId,
  partyKey,
  type ActionItem,
  type ActionItemStatus,
  type AgendaItem,
  type AttendanceStatus,
  type Meeting,
  type MutationType,
  type Party,
  type ProtocolError,
} from '@contact-desk/shared';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDesk } from '../../state/desk-store';
import { formatDateTime, formatDuration } from '../common/format';
import { ErrorNote, Field } from '../request/widgets';
import { MeetingForm, usePartyNames, type MeetingFields } from './MeetingForm';
import { KindBadge } from './MeetingsScreen';
import {
  actionItemsFor,
  agendaOf,
  agendaPlan,
  decisionsOf,
  fromDateInput,
  hasAgendaItem,
  ministryTeams,
  partyFromValue,
  previousMeeting,
  requestIdByRef,
} from './meeting-model';
import '../../styles/kit.css';
import '../../styles/meetings.css';

function formatDay(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'medium' }).format(ms);
}

function useAllowed(): (type: MutationType) => boolean {
  const actor = useDesk((s) => s.sync.actor);
  const role = actor && actor.role !== 'system' ? actor.role : null;
  const allowed = role ? mutationsFor(role) : [];
  return (type) => allowed.includes(type);
}

function Pending({ id }: { id: string }) {
  const { t } = useTranslation('meetings');
  const pending = useDesk((s) => s.pendingIds.has(id));
  if (!pending) return null;
  return (
    <span className="kit-pending" data-testid="pending-marker">
      {t('common:pending')}
    </span>
  );
}

export function MeetingScreen({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('meetings');
  const record = useDesk((s) => s.view.meetingRecords.get(meetingId));
  const go = useNavigation((s) => s.go);
  const back = (
    <a
      className="mt-back"
      href="#/meetings"
      data-testid="meetings-back"
      onClick={(e) => {
        e.preventDefault();
        go({ screen: 'meetings' });
      }}
    >
      ← {t('back')}
    </a>
  );
  if (!record || record.type !== 'meeting') {
    return (
      <div className="kit-screen mt-screen" data-testid="meeting-screen">
        {back}
        <p className="kit-muted" role="status" data-testid="meeting-not-found">
          {t('notFound')}
        </p>
      </div>
    );
  }
  return (
    <div className="kit-screen mt-screen" data-testid="meeting-screen" data-meeting-id={record.id}>
      {back}
      <MeetingHeader meeting={record} />
      <div className="mt-columns">
        <div className="mt-main">
          <AgendaPanel meeting={record} />
          <DecisionsPanel meeting={record} />
          <ActionItemsPanel meeting={record} />
        </div>
        <div className="mt-side">
          <AttendancePanel meeting={record} />
          <section className="kit-panel mt-exports" data-testid="meeting-exports" aria-labelledby="mt-exports-title">
            <h2 id="mt-exports-title" className="kit-panel-title">
              {t('exports.title')}
            </h2>
            <MeetingExports meetingId={record.id} />
          </section>
        </div>
      </div>
    </div>
  );
}

function MeetingHeader({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation('meetings');
  const perform = useDesk((s) => s.perform);
  const allowed = useAllowed();
  const { platformName } = usePartyNames();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const save = async (fields: MeetingFields): Promise<ProtocolError | null> => {
    const patch: { -readonly [K in keyof MeetingFields]?: MeetingFields[K] } = {};
    if (fields.title !== meeting.title) patch.title = fields.title;
    if (fields.kind !== meeting.kind) patch.kind = fields.kind;
    if (fields.startsAt !== meeting.startsAt) patch.startsAt = fields.startsAt;
    if (fields.place !== meeting.place) patch.place = fields.place;
    if (fields.videoLink !== meeting.videoLink) patch.videoLink = fields.videoLink;
    const before = [...meeting.invitedPlatformIds].sort().join(',');
    if ([...fields.invitedPlatformIds].sort().join(',') !== before) patch.invitedPlatformIds = fields.invitedPlatformIds;
    if (Object.keys(patch).length === 0) {
      setEditing(false);
      setNotice(t('nothingChanged'));
      return null;
    }
    const outcome = await perform('meeting.update', { meetingId: meeting.id, patch });
    if (!outcome.ok) return outcome.error;
    setEditing(false);
    setNotice(null);
    return null;
  };

  if (editing) {
    return (
      <section className="kit-panel" aria-labelledby="mt-edit-title">
        <h1 id="mt-edit-title" className="kit-panel-title">
          {t('editTitle')}
        </h1>
        <MeetingForm initial={meeting} submitLabel={t('common:actions.save')} testId="edit-meeting-form" onCancel={() => setEditing(false)} onSubmit={save} />
      </section>
    );
  }
  return (
    <header className="kit-panel mt-header" data-testid="meeting-header">
      <div className="mt-header-top">
        <h1 data-testid="meeting-title">{meeting.title}</h1>
        <KindBadge kind={meeting.kind} />
        <Pending id={meeting.id} />
        <span className="mt-spacer" />
        {allowed('meeting.update') && (
          <button type="button" className="kit-button" data-testid="edit-meeting" onClick={() => setEditing(true)}>
            {t('edit')}
          </button>
        )}
      </div>
      <dl className="mt-facts">
        <div>
          <dt>{t('when')}</dt>
          <dd data-testid="meeting-when">
            <time dateTime={new Date(meeting.startsAt).toISOString()}>{formatDateTime(meeting.startsAt, i18n.language, true)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('place')}</dt>
          <dd data-testid="meeting-place">{meeting.place ?? <span className="kit-muted">{t('noPlace')}</span>}</dd>
        </div>
        <div>
          <dt>{t('video')}</dt>
          <dd data-testid="meeting-video">
            {meeting.videoLink ? (
              <a href={meeting.videoLink} target="_blank" rel="noreferrer noopener" className="mt-break">
                {meeting.videoLink}
              </a>
            ) : (
              <span className="kit-muted">—</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('invited')}</dt>
          <dd data-testid="meeting-invited">
            {meeting.invitedPlatformIds.length === 0 ? (
              <span className="kit-muted">{t('noneInvited')}</span>
            ) : (
              <ul className="mt-chips">
                {meeting.invitedPlatformIds.map((id) => (
                  <li key={id} className="mt-chip">
                    {platformName(id)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {notice && <p className="kit-hint">{notice}</p>}
    </header>
  );
}

/* ---------------------------------------------------------------- attendance */

function AttendancePanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const view = useDesk((s) => s.view);
  const perform = useDesk((s) => s.perform);
  const allowed = useAllowed();
  const { partyName } = usePartyNames();
  const [error, setError] = useState<ProtocolError | null>(null);
  const editable = allowed('meeting.setAttendance');
  const teams = useMemo(() => ministryTeams(view), [view]);
  const groups: { label: string; parties: Party[] }[] = [
    { label: t('attendance.platforms'), parties: meeting.invitedPlatformIds.map((platformId) => ({ kind: 'platform', platformId })) },
    { label: t('attendance.ministry'), parties: teams.map((team) => ({ kind: 'ministry', team })) },
  ];

  const set = async (party: Party, status: AttendanceStatus) => {
    const outcome = await perform('meeting.setAttendance', { meetingId: meeting.id, party, status });
    setError(outcome.ok ? null : outcome.error);
  };

  return (
    <section className="kit-panel" aria-labelledby="mt-attendance-title" data-testid="meeting-attendance">
      <h2 id="mt-attendance-title" className="kit-panel-title">
        {t('attendance.title')}
      </h2>
      <table className="kit-table mt-attendance">
        <thead>
          <tr>
            <th scope="col">{t('attendance.party')}</th>
            <th scope="col" className="mt-att-status">
              {t('attendance.status')}
            </th>
          </tr>
        </thead>
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
              return (
                <tr key={key} data-testid="attendance-row" data-party={key}>
                  <th scope="row" className="mt-att-name">
                    {name}
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
      <ErrorNote error={error} testId="attendance-error" />
    </section>
  );
}

/* ---------------------------------------------------------------- agenda */

function AgendaPanel({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation('meetings');
  const view = useDesk((s) => s.view);
  const perform = useDesk((s) => s.perform);
  const relayNow = useDesk((s) => s.relayNow);
  const allowed = useAllowed();
  const { platformName } = usePartyNames();
  const items = useMemo(() => agendaOf(view, meeting.id), [view, meeting.id]);
  const refIds = useMemo(() => requestIdByRef(view), [view]);
  const previous = useMemo(() => previousMeeting(view, meeting), [view, meeting]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const editable = allowed('agenda.addItem');
  const lang = i18n.language;

  const duration = (ms: number | undefined) => (ms === undefined ? t('agenda.noValue') : formatDuration(ms, lang));
  const percent = (share: number | undefined) =>
    share === undefined
      ? t('agenda.noValue')
      : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'percent', maximumFractionDigits: 0 }).format(share);

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
          !f || f.requests === 0
            ? t('agenda.figuresNone', { platform: name })
            : t('agenda.figuresTitle', {
                platform: name,
                requests: t('agenda.requests', { count: f.requests }),
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

  const from = previous
    ? t('agenda.since', { date: formatDateTime(previous.startsAt, lang, true) })
    : t('agenda.lookback');

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
      <ErrorNote error={error} testId="agenda-error" />
      {items.length === 0 ? (
        <p className="kit-muted mt-empty">{t('agenda.empty')}</p>
      ) : (
        <ol className="mt-agenda" data-testid="agenda-list">
          {items.map((item, index) => (
            <AgendaEntry key={item.id} item={item} index={index + 1} refIds={refIds} editable={editable} />
          ))}
        </ol>
      )}
      {editable && <FreeItemForm meeting={meeting} />}
    </section>
  );
}

function AgendaEntry({ item, index, refIds, editable }: { item: AgendaItem; index: number; refIds: Map<string, string>; editable: boolean }) {
  const { t } = useTranslation('meetings');
  const perform = useDesk((s) => s.perform);
  const { platformName } = usePartyNames();
  const [notes, setNotes] = useState(item.notes);
  const [focused, setFocused] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ProtocolError | null>(null);
  useEffect(() => {
    if (!focused) setNotes(item.notes);
  }, [item.notes, focused]);

  const saveNotes = async () => {
    setFocused(false);
    if (notes === item.notes) return;
    const outcome = await perform('agenda.updateItem', { itemId: item.id, patch: { notes } });
    setError(outcome.ok ? null : outcome.error);
  };
  const remove = async () => {
    const outcome = await perform('agenda.removeItem', { itemId: item.id });
    if (!outcome.ok) setError(outcome.error);
    setConfirming(false);
  };

  return (
    <li className={`mt-item mt-item-${item.kind}`} data-testid="agenda-item" data-kind={item.kind} data-platform={item.platformId ?? ''}>
      <div className="mt-item-head">
        <span className="mt-item-index" aria-hidden="true">
          {index}.
        </span>
        <div className="mt-item-title">
          <strong data-testid="agenda-item-title">{item.title}</strong>
          <div className="mt-item-tags">
            <span className="mt-tag">{t(`agenda.kind.${item.kind}`)}</span>
            <span className="mt-tag mt-tag-platform">{platformName(item.platformId)}</span>
            <Pending id={item.id} />
          </div>
        </div>
        {editable &&
          (confirming ? (
            <span className="mt-confirm" role="group" aria-label={t('agenda.removeConfirm')}>
              <span>{t('agenda.removeConfirm')}</span>
              <button type="button" className="kit-button kit-button-small" onClick={() => setConfirming(false)}>
                {t('common:actions.cancel')}
              </button>
              <button type="button" className="kit-button kit-button-small kit-button-danger" data-testid="agenda-remove-confirm" onClick={() => void remove()}>
                {t('agenda.remove')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="kit-button kit-button-small kit-button-danger-outline"
              aria-label={t('agenda.removeLabel', { title: item.title })}
              data-testid="agenda-remove"
              onClick={() => setConfirming(true)}
            >
              {t('agenda.remove')}
            </button>
          ))}
      </div>
      {item.requestRefs.length > 0 && (
        <ul className="mt-refs" aria-label={t('agenda.refsLabel', { title: item.title })} data-testid="agenda-item-refs">
          {item.requestRefs.map((ref) => {
            const id = refIds.get(ref);
            return (
              <li key={ref}>
                {id ? (
                  <a href={`#/request/${encodeURIComponent(id)}`} className="mt-ref">
                    {ref}
                  </a>
                ) : (
                  <span className="mt-ref kit-muted">{ref}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editable ? (
        <label className="mt-notes">
          <span className="kit-visually-hidden">{t('agenda.notesOf', { title: item.title })}</span>
          <textarea
            value={notes}
            rows={2}
            placeholder={t('agenda.notes')}
            data-testid="agenda-notes"
            onFocus={() => setFocused(true)}
            onChange={(e) => setNotes(e.target.value)}
            onBlur={() => void saveNotes()}
          />
        </label>
      ) : item.notes ? (
        <p className="mt-notes-read" data-testid="agenda-notes">
          {item.notes}
        </p>
      ) : null}
      <ErrorNote error={error} testId="agenda-item-error" />
    </li>
  );
}

function FreeItemForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const perform = useDesk((s) => s.perform);
  const { platformName } = usePartyNames();
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
        <Field label={t('agenda.platform')}>
          {({ id }) => (
            <select id={id} value={platformId} data-testid="agenda-add-platform" onChange={(e) => setPlatformId(e.target.value)}>
              <option value="">{t('agenda.noPlatform')}</option>
              {meeting.invitedPlatformIds.map((pid) => (
                <option key={pid} value={pid}>
                  {platformName(pid)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="kit-button" data-testid="agenda-add-submit">
          {t('agenda.add')}
        </button>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}

/* ---------------------------------------------------------------- decisions */

function DecisionsPanel({ meeting }: { meeting: Meeting }) {
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
            <Field label={t('decisions.platform')}>
              {({ id }) => (
                <select id={id} value={platformId} data-testid="decision-platform" onChange={(e) => setPlatformId(e.target.value)}>
                  <option value="">{t('agenda.noPlatform')}</option>
                  {meeting.invitedPlatformIds.map((pid) => (
                    <option key={pid} value={pid}>
                      {platformName(pid)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
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

/* ---------------------------------------------------------------- action items */

function ActionItemsPanel({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation('meetings');
  const view = useDesk((s) => s.view);
  const actor = useDesk((s) => s.sync.actor);
  const perform = useDesk((s) => s.perform);
  const relayNow = useDesk((s) => s.relayNow);
  const allowed = useAllowed();
  const { partyName } = usePartyNames();
  const list = useMemo(() => actionItemsFor(view, meeting), [view, meeting]);
  const [error, setError] = useState<ProtocolError | null>(null);
  const now = relayNow();

  const mayChange = (item: ActionItem): boolean => {
    if (!allowed('actionItem.setStatus') || !actor) return false;
    if (actor.role !== 'liaison') return true;
    return item.owner.kind === 'platform' && item.owner.platformId === actor.platformId;
  };
  const setStatus = async (item: ActionItem, status: ActionItemStatus) => {
    const outcome = await perform('actionItem.setStatus', { actionItemId: item.id, status });
    setError(outcome.ok ? null : outcome.error);
  };
  const origin = (item: ActionItem): string => {
    if (item.meetingId === meeting.id) return t('actions.thisMeeting');
    const m = view.meetingRecords.get(item.meetingId);
    return m && m.type === 'meeting' ? t('actions.earlier', { date: formatDateTime(m.startsAt, i18n.language) }) : t('actions.earlierUnknown');
  };

  return (
    <section className="kit-panel" aria-labelledby="mt-actions-title" data-testid="meeting-action-items">
      <h2 id="mt-actions-title" className="kit-panel-title">
        {t('actions.title')} <span className="mt-count">{list.length}</span>
      </h2>
      {list.length === 0 ? (
        <p className="kit-muted mt-empty">{t('actions.empty')}</p>
      ) : (
        <div className="kit-table-wrap">
          <table className="kit-table mt-actions">
            <thead>
              <tr>
                <th scope="col" className="mt-col-text">
                  {t('actions.text')}
                </th>
                <th scope="col">{t('actions.owner')}</th>
                <th scope="col">{t('actions.due')}</th>
                <th scope="col">{t('actions.origin')}</th>
                <th scope="col" className="mt-col-status">
                  {t('actions.status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((item) => {
                const overdue = item.status === 'open' && item.dueDate !== null && item.dueDate < now;
                return (
                  <tr key={item.id} data-testid="action-item" data-status={item.status} data-owner={partyKey(item.owner)}>
                    <td>
                      {item.text} <Pending id={item.id} />
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
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ErrorNote error={error} testId="action-item-error" />
      {allowed('actionItem.create') && <ActionItemForm meeting={meeting} />}
    </section>
  );
}

function ActionItemForm({ meeting }: { meeting: Meeting }) {
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
