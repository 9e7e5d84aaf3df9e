import { REQUEST_STATUSES, viewerSide, type RequestStatus, type TriageViewer } from '@contact-desk/shared';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { OptionSelect } from '../common/OptionSelect';
import { MultiSelect } from './MultiSelect';
import { isFiltered, type OwnerFilter, type QueueFilters } from './queue-filters';
import { useFilterOptions } from './use-filter-options';

export interface FilterBarProps {
  readonly viewer: TriageViewer;
  readonly filters: QueueFilters;
  readonly searchRef: RefObject<HTMLInputElement | null>;
  onFilters(patch: Partial<QueueFilters>): void;
  onReset(): void;
}

/** Search and filters: platform, status, priority, escalation level, owner, campaign. */
export function QueueFilterBar(props: FilterBarProps) {
  const { t } = useTranslation(['queue', 'common']);
  const options = useFilterOptions(props.viewer);
  const { filters, viewer } = props;
  const ownerValues: OwnerFilter[] = [
    '',
    ...(viewerSide(viewer) !== null ? (['me'] as const) : []),
    'none',
    ...options.colleagues.map((c) => `user:${c.value}` as const),
  ];
  const ownerLabel = (value: OwnerFilter) =>
    value === ''
      ? t('filters.ownerAny')
      : value === 'me'
        ? t('filters.ownerMe')
        : value === 'none'
          ? t('filters.ownerNone')
          : t('filters.ownerPerson', { name: options.colleagues.find((c) => `user:${c.value}` === value)?.label ?? '?' });

  return (
    <div className="q-filters" role="search" aria-label={t('filters.label')}>
      <div className="q-search">
        <label htmlFor="q-search" className="visually-hidden">
          {t('filters.search')}
        </label>
        <span className="q-search-icon" aria-hidden="true">
          ⌕
        </span>
        <input
          id="q-search"
          ref={props.searchRef}
          className="input"
          type="search"
          placeholder={t('filters.searchPlaceholder')}
          value={filters.text}
          aria-keyshortcuts="/"
          aria-describedby="q-search-hint"
          data-testid="queue-search"
          onChange={(event) => props.onFilters({ text: event.target.value })}
        />
        <span id="q-search-hint" className="visually-hidden">
          {t('filters.searchShortcut')}
        </span>
      </div>
      {viewer.role !== 'liaison' && (
        <MultiSelect
          label={t('filters.platform')}
          testId="filter-platform"
          options={options.platforms}
          selected={filters.platforms}
          onChange={(platforms) => props.onFilters({ platforms })}
        />
      )}
      <MultiSelect
        label={t('filters.status')}
        testId="filter-status"
        options={REQUEST_STATUSES.map((status) => ({ value: status, label: t(`common:status.${status}`) }))}
        selected={filters.statuses}
        onChange={(statuses) => props.onFilters({ statuses: statuses as ReadonlySet<RequestStatus> })}
      />
      <MultiSelect
        label={t('filters.priority')}
        testId="filter-priority"
        options={options.priorities}
        selected={filters.priorities}
        onChange={(priorities) => props.onFilters({ priorities })}
      />
      <MultiSelect
        label={t('filters.level')}
        testId="filter-level"
        options={options.levels}
        selected={filters.levels}
        onChange={(levels) => props.onFilters({ levels })}
      />
      <label className="visually-hidden" htmlFor="q-owner">
        {t('filters.owner')}
      </label>
      <OptionSelect
        id="q-owner"
        className={`select${filters.owner ? ' is-active' : ''}`}
        data-testid="filter-owner"
        values={ownerValues}
        value={ownerValues.includes(filters.owner) ? filters.owner : ''}
        label={ownerLabel}
        onChange={(owner) => props.onFilters({ owner })}
      />
      {options.campaigns.length > 0 && (
        <MultiSelect
          label={t('filters.campaign')}
          testId="filter-campaign"
          options={options.campaigns}
          selected={filters.campaigns}
          onChange={(campaigns) => props.onFilters({ campaigns })}
        />
      )}
      {isFiltered(filters) && (
        <button type="button" className="btn q-reset" data-testid="filter-reset" onClick={props.onReset}>
          {t('filters.reset')}
        </button>
      )}
    </div>
  );
}
