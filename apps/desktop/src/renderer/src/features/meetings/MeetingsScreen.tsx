import { mutationsFor, newId, type Meeting } from '@contact-desk/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDesk } from '../../state/desk-store';
import { formatDateTime } from '../common/format';
import { PendingMarker } from '../common/PendingMarker';
import { MeetingForm, usePartyNames } from './MeetingForm';
import { meetingsOf, splitMeetings } from './meeting-model';
import '../../styles/kit.css';
import '../../styles/meetings.css';

export function MeetingsScreen() {
  const { t } = useTranslation('meetings');
  const view = useDesk((s) => s.view);
  const actor = useDesk((s) => s.sync.actor);
  const perform = useDesk((s) => s.perform);
  const relayNow = useDesk((s) => s.relayNow);
  const go = useNavigation((s) => s.go);
  const [creating, setCreating] = useState(false);
  const role = actor && actor.role !== 'system' ? actor.role : null;
  const mayCreate = role ? mutationsFor(role).includes('meeting.create') : false;
  const now = relayNow();
  const { upcoming, past } = useMemo(() => splitMeetings(meetingsOf(view), now), [view, now]);

  return (
    <div className="kit-screen mt-screen" data-testid="meetings-screen">
      <div className="mt-head">
        <h1>{t('title')}</h1>
        {mayCreate && !creating && (
          <button type="button" className="kit-button kit-button-primary" data-testid="new-meeting" onClick={() => setCreating(true)}>
            {t('new.button')}
          </button>
        )}
      </div>
      {mayCreate && creating && (
        <section className="kit-panel" aria-labelledby="mt-new-title">
          <h2 id="mt-new-title" className="kit-panel-title">
            {t('new.title')}
          </h2>
          <MeetingForm
            initial={null}
            submitLabel={t('new.submit')}
            testId="new-meeting-form"
            onCancel={() => setCreating(false)}
            onSubmit={async (fields) => {
              const meetingId = newId();
              const outcome = await perform('meeting.create', { meetingId, ...fields });
              if (!outcome.ok) return outcome.error;
              setCreating(false);
              go({ screen: 'meeting', meetingId });
              return null;
            }}
          />
        </section>
      )}
      <MeetingList title={t('upcoming')} empty={t('noUpcoming')} meetings={upcoming} testId="meetings-upcoming" />
      <MeetingList title={t('past')} empty={t('noPast')} meetings={past} testId="meetings-past" />
    </div>
  );
}

function MeetingList({ title, empty, meetings, testId }: { title: string; empty: string; meetings: Meeting[]; testId: string }) {
  const { t } = useTranslation('meetings');
  return (
    <section className="mt-list-section" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`} className="mt-section-title">
        {title} <span className="mt-count">{meetings.length}</span>
      </h2>
      {meetings.length === 0 ? (
        <p className="kit-muted mt-empty">{empty}</p>
      ) : (
        <ul className="mt-list" aria-label={t('listLabel', { section: title })}>
          {meetings.map((meeting) => (
            <MeetingRow key={meeting.id} meeting={meeting} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MeetingRow({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation('meetings');
  const go = useNavigation((s) => s.go);
  const { platformName } = usePartyNames();
  return (
    <li className="mt-card" data-testid="meeting-row" data-meeting-id={meeting.id}>
      <div className="mt-card-date">
        <time dateTime={new Date(meeting.startsAt).toISOString()}>{formatDateTime(meeting.startsAt, i18n.language, true)}</time>
      </div>
      <div className="mt-card-body">
        <div className="mt-card-title">
          <a
            href={`#/meeting/${encodeURIComponent(meeting.id)}`}
            onClick={(e) => {
              e.preventDefault();
              go({ screen: 'meeting', meetingId: meeting.id });
            }}
          >
            {meeting.title}
          </a>
          <KindBadge kind={meeting.kind} />
          <PendingMarker id={meeting.id} />
        </div>
        <div className="mt-card-meta">
          <span>{meeting.place ?? (meeting.videoLink ? t('video') : t('noPlace'))}</span>
          {meeting.place && meeting.videoLink && <span>· {t('video')}</span>}
        </div>
        <div className="mt-card-meta">
          {meeting.invitedPlatformIds.length === 0
            ? t('noneInvited')
            : t('invitedList', { list: meeting.invitedPlatformIds.map((id) => platformName(id)).join(', ') })}
        </div>
      </div>
    </li>
  );
}

export function KindBadge({ kind }: { kind: Meeting['kind'] }) {
  const { t } = useTranslation('meetings');
  return (
    <span className={`mt-kind mt-kind-${kind}`} data-testid="meeting-kind">
      {t(`kind.${kind}`)}
    </span>
  );
}
