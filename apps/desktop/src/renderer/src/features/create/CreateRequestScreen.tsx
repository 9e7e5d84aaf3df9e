import {
  CATEGORIES,
  formatDuration,
  LIMITS,
  PENDING_STATUSES,
  REQUEST_KINDS,
  newId,
  normalizeLocation,
  splitLocations,
  type Category,
  type Request,
  type RequestKind,
} from '@contact-desk/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDesk } from '../../state/desk-store';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { figureLanguage } from '../common/format';
import { OptionSelect } from '../common/OptionSelect';
import { usePerformForm } from '../common/use-perform-form';
import { ErrorNote, Field } from '../request/widgets';
import '../../styles/kit.css';
import '../../styles/create.css';

type Errors = Partial<Record<'platform' | 'grounds' | 'items' | 'pharosRef' | 'retention' | 'confirm', string>>;

function sixMonthsFromToday(): string {
  const date = new Date();
  date.setMonth(date.getMonth() + 6);
  return date.toISOString().slice(0, 10);
}

export function CreateRequestScreen() {
  const { t, i18n } = useTranslation('create');
  const lang = i18n.language;
  const role = useDesk((state) => state.sync.actor?.role);
  const view = useDesk((state) => state.view);
  const { busy, error, setError, perform } = usePerformForm();
  const go = useNavigation((state) => state.go);

  const platforms = useMemo(() => [...view.platforms.values()].filter((platform) => platform.active), [view.platforms]);
  const levels = view.policy.levels;

  const [platformId, setPlatformId] = useState('');
  const [kind, setKind] = useState<RequestKind>('removal');
  const [priority, setPriority] = useState(levels[0]?.label ?? 'P0');
  const [category, setCategory] = useState<Category>('terrorism_apology');
  const [grounds, setGrounds] = useState('');
  const [pharosRef, setPharosRef] = useState('');
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [doNotInform, setDoNotInform] = useState(false);
  const [retention, setRetention] = useState(sixMonthsFromToday());
  const [itemsText, setItemsText] = useState('');
  const [confirmConflicts, setConfirmConflicts] = useState(false);
  const [errors, setErrors] = useState<Errors>({});

  const locations = useMemo(() => splitLocations(itemsText), [itemsText]);
  const openByLocation = useMemo(() => {
    const found = new Map<string, Request>();
    for (const request of view.requests.values()) {
      if (request.platformId !== platformId || !PENDING_STATUSES.includes(request.status)) continue;
      for (const item of request.items) if (!found.has(item.normalized)) found.set(item.normalized, request);
    }
    return found;
  }, [view.requests, platformId]);
  const rows = useMemo(() => {
    const first = new Map<string, number>();
    return locations.map((location, index) => {
      const normalized = normalizeLocation(location);
      const duplicateOf = first.get(normalized);
      if (duplicateOf === undefined) first.set(normalized, index);
      return { location, normalized, duplicateOf, existing: openByLocation.get(normalized) };
    });
  }, [locations, openByLocation]);
  const hasDuplicates = rows.some((row) => row.duplicateOf !== undefined);
  const hasConflicts = rows.some((row) => row.existing !== undefined);

  if (role !== 'prefect' && role !== 'operator') {
    return (
      <section className="kit-screen" aria-labelledby="cr-title">
        <h1 id="cr-title">{t('title')}</h1>
        <p className="kit-panel" data-testid="create-forbidden">
          {t('forbidden')}
        </p>
      </section>
    );
  }

  const removeDuplicates = () => {
    setItemsText(rows.filter((row) => row.duplicateOf === undefined).map((row) => row.location).join('\n'));
  };

  const validate = (): Errors => {
    const found: Errors = {};
    if (!platformId) found.platform = t('errors.required');
    if (grounds.trim() === '') found.grounds = t('errors.required');
    else if (grounds.length > LIMITS.groundsLength) found.grounds = t('errors.tooLong', { max: LIMITS.groundsLength });
    if (pharosRef.trim().length > LIMITS.shortTextLength) found.pharosRef = t('errors.tooLong', { max: LIMITS.shortTextLength });
    if (locations.length === 0) found.items = t('errors.noItems');
    else if (locations.length > LIMITS.itemsPerRequest) found.items = t('errors.tooManyItems', { max: LIMITS.itemsPerRequest });
    else if (locations.some((location) => location.length > LIMITS.locationLength)) found.items = t('errors.locationTooLong', { max: LIMITS.locationLength });
    else if (hasDuplicates) found.items = t('errors.duplicates');
    if (kind === 'preservation' && !retention) found.retention = t('errors.retention');
    if (hasConflicts && !confirmConflicts) found.confirm = t('errors.confirm');
    return found;
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const requestId = newId();
    await perform('request.create', {
      requestId,
      platformId,
      kind,
      priority,
      items: locations,
      category,
      grounds: grounds.trim(),
      pharosRef: pharosRef.trim() || null,
      campaignId,
      doNotInform,
      retentionUntil: kind === 'preservation' && retention ? new Date(`${retention}T23:59:59`).getTime() : null,
    }, () => go({ screen: 'request', requestId }));
  };

  return (
    <section className="kit-screen cr-screen" aria-labelledby="cr-title">
      <h1 id="cr-title">{t('title')}</h1>
      <form onSubmit={submit} noValidate data-testid="create-form">
        <div className="cr-layout">
          <div className="kit-panel">
            <div className="kit-form-grid">
              <Field label={t('platform')} error={errors.platform} required>
                {({ id, describedBy, invalid }) => (
                  <OptionSelect
                    id={id}
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                    values={platforms.map((platform) => platform.id)}
                    value={platformId}
                    label={(value) => {
                      const platform = platforms.find((candidate) => candidate.id === value);
                      return platform ? `${platform.name} (${t(`common:platformKind.${platform.kind}`)})` : value;
                    }}
                    empty={t('choosePlatform')}
                    onChange={setPlatformId}
                    data-testid="create-platform"
                  />
                )}
              </Field>
              <Field label={t('kind')} required>
                {({ id }) => (
                  <OptionSelect id={id} values={REQUEST_KINDS} value={kind} label={(value) => t(`common:kind.${value}`)} onChange={setKind} data-testid="create-kind" />
                )}
              </Field>
              <div className="kit-span-2">
              <Field label={t('priority')} required>
                {({ id }) => (
                  <select id={id} value={priority} data-testid="create-priority" onChange={(event) => setPriority(event.target.value)}>
                    {levels.map((level) => (
                      <option key={level.label} value={level.label}>
                        {t('priorityOption', {
                          label: level.label,
                          name: level.name,
                          ack: formatDuration(level.ackMinutes * 60_000, figureLanguage(lang)),
                          action: formatDuration(level.actionMinutes * 60_000, figureLanguage(lang)),
                        })}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              </div>
              <Field label={t('category')} required>
                {({ id }) => (
                  <OptionSelect id={id} values={CATEGORIES} value={category} label={(value) => t(`common:category.${value}`)} onChange={setCategory} data-testid="create-category" />
                )}
              </Field>
              <div className="kit-span-2">
                <Field label={t('grounds')} hint={t('groundsHint')} error={errors.grounds} required>
                  {({ id, describedBy, invalid }) => (
                    <textarea id={id} rows={4} value={grounds} aria-describedby={describedBy} aria-invalid={invalid} data-testid="create-grounds" onChange={(event) => setGrounds(event.target.value)} />
                  )}
                </Field>
              </div>
              <Field label={t('pharosRef')} error={errors.pharosRef}>
                {({ id, describedBy }) => (
                  <input id={id} value={pharosRef} aria-describedby={describedBy} data-testid="create-pharos" onChange={(event) => setPharosRef(event.target.value)} />
                )}
              </Field>
              <Field label={t('campaign')} hint={t('campaignHint')}>
                {({ id, describedBy }) => (
                  <CampaignSelect id={id} value={campaignId} aria-describedby={describedBy} data-testid="create-campaign" onChange={setCampaignId} />
                )}
              </Field>
              {kind === 'preservation' ? (
                <Field label={t('retentionUntil')} hint={t('retentionHint')} error={errors.retention} required>
                  {({ id, describedBy }) => (
                    <input id={id} type="date" value={retention} aria-describedby={describedBy} data-testid="create-retention" onChange={(event) => setRetention(event.target.value)} />
                  )}
                </Field>
              ) : null}
              <label className={`kit-check kit-span-2 cr-dni${doNotInform ? ' cr-dni-on' : ''}`}>
                <input type="checkbox" checked={doNotInform} data-testid="create-dni" onChange={(event) => setDoNotInform(event.target.checked)} /> {t('doNotInform')}
              </label>
            </div>
          </div>

          <div className="kit-panel">
            <Field label={t('items')} hint={t('itemsHint', { max: LIMITS.itemsPerRequest })} error={errors.items} required>
              {({ id, describedBy, invalid }) => (
                <textarea id={id} rows={8} className="cr-items-input" value={itemsText} aria-describedby={describedBy} aria-invalid={invalid} data-testid="create-items" onChange={(event) => setItemsText(event.target.value)} />
              )}
            </Field>
            {rows.length > 0 ? (
              <>
                <p className="kit-hint">{t('itemsCount', { count: rows.length })}</p>
                <ol className="cr-items" data-testid="create-item-list">
                  {rows.map((row, index) => (
                    <li
                      key={`${index}-${row.location}`}
                      className={row.duplicateOf !== undefined ? 'cr-item cr-item-dup' : row.existing ? 'cr-item cr-item-conflict' : 'cr-item'}
                      data-testid="create-item"
                      data-duplicate={row.duplicateOf !== undefined ? 'true' : undefined}
                      data-conflict={row.existing ? row.existing.ref : undefined}
                    >
                      <span className="cr-item-index">{index + 1}</span>
                      <span className="kit-ellipsis cr-item-location" title={row.location}>
                        {row.location}
                      </span>
                      {row.duplicateOf !== undefined ? (
                        <span className="cr-flag cr-flag-dup">{t('duplicateInList', { index: row.duplicateOf + 1 })}</span>
                      ) : null}
                      {row.existing ? (
                        <span className="cr-flag cr-flag-conflict">
                          {t('alreadyOpen')}{' '}
                          <a href={`#/request/${encodeURIComponent(row.existing.id)}`}>
                            {row.existing.ref} ({t(`common:status.${row.existing.status}`)})
                          </a>
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ol>
                {hasDuplicates ? (
                  <button type="button" className="kit-button kit-button-small" onClick={removeDuplicates} data-testid="create-remove-duplicates">
                    {t('removeDuplicates')}
                  </button>
                ) : null}
                {hasConflicts ? (
                  <label className="kit-check cr-confirm">
                    <input type="checkbox" checked={confirmConflicts} data-testid="create-confirm-conflicts" onChange={(event) => setConfirmConflicts(event.target.checked)} /> {t('confirmConflicts')}
                  </label>
                ) : null}
                {errors.confirm ? <p className="kit-field-error">{errors.confirm}</p> : null}
              </>
            ) : null}
          </div>
        </div>
        <ErrorNote error={error} testId="create-error" />
        <div className="kit-form-buttons">
          <button type="button" className="kit-button" onClick={() => go({ screen: 'queue' })}>
            {t('cancel')}
          </button>
          <button type="submit" className="kit-button kit-button-primary" disabled={busy} data-testid="create-submit">
            {t('submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
