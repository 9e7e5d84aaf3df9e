import { isAdopted, type Meeting, type ProtocolError } from '@contact-desk/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { formatDateTime } from '../common/format';
import { RefusalNote } from '../common/RefusalNote';
import { contentVerifies, minutesVersions } from './minutes-document';
import { PendingMarker } from '../common/PendingMarker';
import { useAllowed } from './useAllowed';

/** Where the minutes stand, the prefect's adoption and amendment, and every adopted version. */
export function MinutesPanel({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation('meetings');
  const view = useDesk((s) => s.view);
  const actor = useDesk((s) => s.sync.actor);
  const perform = useDesk((s) => s.perform);
  const allowed = useAllowed();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const platformId = actor?.role === 'liaison' ? actor.platformId : null;
  const versions = useMemo(() => minutesVersions(view, meeting.id, platformId), [view, meeting.id, platformId]);
  const standing = meeting.minutes;
  const adopted = isAdopted(meeting);
  const amending = standing?.amending === true;
  const date = (ms: number) => formatDateTime(ms, i18n.language);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (adopted) {
      if (!value) return setInvalid(t('minutes.reasonMissing'));
    } else if (amending && !value) return setInvalid(t('minutes.noteMissing'));
    setInvalid(null);
    const outcome = adopted
      ? await perform('meeting.reopenMinutes', { meetingId: meeting.id, reason: value })
      : await perform('meeting.adopt', { meetingId: meeting.id, note: value || null });
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setText('');
  };

  const mayAct = adopted ? allowed('meeting.reopenMinutes') : allowed('meeting.adopt');
  const label = adopted ? t('minutes.reason') : amending ? t('minutes.noteRequired') : t('minutes.note');
  return (
    <section className="kit-panel" aria-labelledby="mt-minutes-title" data-testid="meeting-minutes">
      <h2 id="mt-minutes-title" className="kit-panel-title">
        {t('minutes.title')}
      </h2>
      <p
        className={`mt-status mt-minutes-${adopted ? 'adopted' : amending ? 'amending' : 'draft'}`}
        role="status"
        data-testid="minutes-standing"
      >
        {!standing
          ? t('minutes.draft')
          : amending
            ? t('minutes.amending', { version: standing.version, reason: standing.reopenReason ?? '' })
            : t('minutes.adopted', { version: standing.version, date: date(standing.adoptedAt) })}
      </p>
      {mayAct && (
        <form className="mt-inline-form" onSubmit={(e) => void send(e)} data-testid="minutes-form" noValidate>
          {!adopted && <p className="kit-hint">{t('minutes.adoptHint')}</p>}
          <label className="kit-field">
            <span>{label}</span>
            <textarea
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={2}
              data-testid="minutes-text"
              aria-invalid={invalid !== null}
            />
          </label>
          {invalid && (
            <p className="kit-error" role="alert">
              {invalid}
            </p>
          )}
          <button type="submit" className="kit-button kit-button-primary" data-testid={adopted ? 'minutes-reopen' : 'minutes-adopt'}>
            {adopted ? t('minutes.reopen') : t('minutes.adopt')}
          </button>
          <RefusalNote error={error} testId="minutes-error" />
        </form>
      )}
      {versions.length > 0 && (
        <>
          <h3 className="mt-subtitle">{t('minutes.versions')}</h3>
          <ol className="mt-versions" data-testid="minutes-versions">
            {versions.map((version) => (
              <li key={version.id} data-testid="minutes-version" data-version={version.version}>
                <p>
                  {t('minutes.version', { version: version.version, date: date(version.adoptedAt), seq: version.upToSeq })}{' '}
                  <PendingMarker id={version.id} />
                </p>
                {version.note && <p className="mt-version-note">{version.note}</p>}
                <p className="kit-muted">
                  <code>{t('minutes.hash', { hash: version.contentHash })}</code> ·{' '}
                  {contentVerifies(version) ? t('minutes.verified') : <strong>{t('minutes.mismatch')}</strong>}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
