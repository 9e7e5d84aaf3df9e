import { MEETING_KINDS, type Meeting, type MeetingKind, type Party, type ProtocolError } from '@contact-desk/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { userTimeZone } from '../common/format';
import { FormButtons } from '../common/FormButtons';
import { RefusalNote } from '../common/RefusalNote';
import { Field } from '../common/Field';
import { PREFECTURE_TEAM, fromLocalInput, toLocalInput } from './meeting-model';

export interface MeetingFields {
  readonly title: string;
  readonly kind: MeetingKind;
  readonly startsAt: number;
  readonly place: string | null;
  readonly videoLink: string | null;
  readonly invitedPlatformIds: string[];
}

/** The fields of a meeting, for creating one or editing it. */
export function MeetingForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  testId,
}: {
  initial: Meeting | null;
  submitLabel: string;
  onSubmit: (fields: MeetingFields) => Promise<ProtocolError | null>;
  onCancel: () => void;
  testId: string;
}) {
  const { t } = useTranslation('meetings');
  const platforms = useDesk((s) => s.view.platforms);
  const relayNow = useDesk((s) => s.relayNow);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [kind, setKind] = useState<MeetingKind>(initial?.kind ?? 'regular');
  const [when, setWhen] = useState(() => {
    if (initial) return toLocalInput(initial.startsAt);
    // 10:00 a week ahead: a sensible default for a regular meeting.
    const base = new Date(relayNow() + 7 * 24 * 3600_000);
    base.setHours(10, 0, 0, 0);
    return toLocalInput(base.getTime());
  });
  const [place, setPlace] = useState(initial?.place ?? '');
  const [videoLink, setVideoLink] = useState(initial?.videoLink ?? '');
  const [invited, setInvited] = useState<string[]>(() => [...(initial?.invitedPlatformIds ?? [])]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ProtocolError | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = userTimeZone();
  const platformList = [...platforms.values()]
    .filter((p) => p.active || invited.includes(p.id))
    .sort((a, b) => a.name.localeCompare(b.name));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const startsAt = fromLocalInput(when);
    if (!title.trim()) found.title = t('form.errors.title');
    if (startsAt === null) found.when = t('form.errors.when');
    const link = videoLink.trim();
    if (link && !/^https?:\/\/\S+$/i.test(link)) found.video = t('form.errors.video');
    setErrors(found);
    if (Object.keys(found).length > 0 || startsAt === null) return;
    setBusy(true);
    const refused = await onSubmit({
      title: title.trim(),
      kind,
      startsAt,
      place: place.trim() || null,
      videoLink: link || null,
      invitedPlatformIds: invited,
    });
    setBusy(false);
    setError(refused);
  };

  const toggle = (id: string, on: boolean) =>
    setInvited((current) => (on ? [...current.filter((x) => x !== id), id] : current.filter((x) => x !== id)));

  return (
    <form className="mt-form" onSubmit={(e) => void submit(e)} data-testid={testId} noValidate>
      <div className="kit-form-grid">
        <Field label={t('form.title')} error={errors.title} required>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              value={title}
              maxLength={200}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              data-testid="meeting-title-input"
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('form.kind')}>
          {({ id }) => (
            <select id={id} value={kind} data-testid="meeting-kind-input" onChange={(e) => setKind(e.target.value as MeetingKind)}>
              {MEETING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('when')} hint={t('whenHint', { zone })} error={errors.when} required>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="datetime-local"
              value={when}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              data-testid="meeting-when-input"
              onChange={(e) => setWhen(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('form.place')} hint={t('form.placeHint')}>
          {({ id, describedBy }) => (
            <input
              id={id}
              value={place}
              maxLength={200}
              aria-describedby={describedBy}
              data-testid="meeting-place-input"
              onChange={(e) => setPlace(e.target.value)}
            />
          )}
        </Field>
        <div className="kit-span-2">
          <Field label={t('form.videoLink')} hint={t('form.videoHint')} error={errors.video}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="url"
                value={videoLink}
                maxLength={2048}
                placeholder="https://"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                data-testid="meeting-video-input"
                onChange={(e) => setVideoLink(e.target.value)}
              />
            )}
          </Field>
        </div>
        <fieldset className="mt-invited kit-span-2" data-testid="meeting-invited-input">
          <legend>{t('form.invited')}</legend>
          {platformList.length === 0 ? (
            <p className="kit-muted">{t('form.noPlatforms')}</p>
          ) : (
            <>
              <label className="kit-check mt-invited-all">
                <input
                  type="checkbox"
                  checked={platformList.every((p) => invited.includes(p.id))}
                  onChange={(e) => setInvited(e.target.checked ? platformList.map((p) => p.id) : [])}
                />
                {t('form.allPlatforms')}
              </label>
              <div className="mt-invited-grid">
                {platformList.map((platform) => (
                  <label key={platform.id} className="kit-check">
                    <input
                      type="checkbox"
                      checked={invited.includes(platform.id)}
                      data-testid={`invite-${platform.id}`}
                      onChange={(e) => toggle(platform.id, e.target.checked)}
                    />
                    {platform.name}
                  </label>
                ))}
              </div>
            </>
          )}
        </fieldset>
      </div>
      <RefusalNote error={error} />
      <FormButtons busy={busy} onCancel={onCancel} testId="meeting-submit" label={submitLabel} />
    </form>
  );
}

/** Names for platforms and parties, translated where the app names them. */
export function usePartyNames() {
  const { t } = useTranslation('meetings');
  const platforms = useDesk((s) => s.view.platforms);
  const platformName = (id: string | null): string => (id ? (platforms.get(id)?.name ?? id) : t('agenda.general'));
  const teamName = (team: string): string => (team === PREFECTURE_TEAM ? t('prefecture') : team);
  const partyName = (party: Party): string => (party.kind === 'platform' ? platformName(party.platformId) : teamName(party.team));
  return { platformName, teamName, partyName };
}
