import type { Meeting, ProtocolError } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { formatDateTime } from '../common/format';
import { MeetingForm, usePartyNames, type MeetingFields } from './MeetingForm';
import { KindBadge } from './MeetingsScreen';
import { PendingMarker } from '../common/PendingMarker';
import { useAllowed } from './useAllowed';

export function MeetingHeader({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation(['meetings', 'common']);
  const perform = useDesk((s) => s.perform);
  const allowed = useAllowed(meeting);
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
        <MeetingForm
          initial={meeting}
          submitLabel={t('common:actions.save')}
          testId="edit-meeting-form"
          onCancel={() => setEditing(false)}
          onSubmit={save}
        />
      </section>
    );
  }
  return (
    <header className="kit-panel mt-header" data-testid="meeting-header">
      <div className="mt-header-top">
        <h1 data-testid="meeting-title">{meeting.title}</h1>
        <KindBadge kind={meeting.kind} />
        <PendingMarker id={meeting.id} />
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
