import { PENDING_STATUSES, REQUEST_STATUSES, slaView, isPaused, type Request, type RequestStatus, type StepState } from '@contact-desk/shared';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDesk } from '../../state/desk-store';
import { useRelayNow } from '../common/use-relay-now';
import { formatDateTime, formatDuration } from '../common/format';
import {
  NO_FILTERS,
  SAVED_VIEWS,
  inSavedView,
  indexRequests,
  matchesFilters,
  searchTerms,
  sortRows,
  timingOf,
  type QueueFilters,
  type Row,
  type SavedView,
  type SortOrder,
  type Timing,
} from './queue-model';
import '../../styles/queue.css';

const ROW_HEIGHT = 38;
const HEADER_HEIGHT = 34;
/** Clock-dependent filters and the urgency order are refreshed at this pace; countdowns every second. */
const COARSE_MS = 10_000;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function QueueScreen() {
  const { t, i18n } = useTranslation('queue');
  const language = i18n.language;
  const requests = useDesk((s) => s.view.requests);
  const platforms = useDesk((s) => s.view.platforms);
  const policy = useDesk((s) => s.view.policy);
  const pendingIds = useDesk((s) => s.pendingIds);
  const actor = useDesk((s) => s.sync.actor);
  const perform = useDesk((s) => s.perform);
  const go = useNavigation((s) => s.go);
  const isLiaison = actor?.role === 'liaison';

  const now = useRelayNow();
  const coarseNow = Math.floor(now / COARSE_MS) * COARSE_MS;

  const [savedView, setSavedView] = useState<SavedView>('all');
  const [filters, setFilters] = useState<QueueFilters>(NO_FILTERS);
  const [order, setOrder] = useState<SortOrder>('urgency');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const deferredText = useDeferredValue(filters.text);

  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  // Precomputed once per change of the requests map: the lower-case search text of each request.
  const index = useMemo(() => indexRequests(requests, platforms), [requests, platforms]);
  const timings = useMemo(() => index.map((entry) => timingOf(entry.request, coarseNow)), [index, coarseNow]);

  const counts = useMemo(() => {
    const result: Record<SavedView, number> = { mine: 0, late: 0, p0: 0, all: index.length };
    for (let i = 0; i < index.length; i++) {
      const request = index[i]!.request;
      const timing = timings[i]!;
      if (inSavedView('mine', request, timing, actor)) result.mine++;
      if (timing.late) result.late++;
      if (inSavedView('p0', request, timing, actor)) result.p0++;
    }
    return result;
  }, [index, timings, actor]);

  const campaigns = useMemo(() => {
    const set = new Set<string>();
    for (const entry of index) if (entry.request.campaign) set.add(entry.request.campaign);
    return [...set].sort((a, b) => a.localeCompare(b));
  }, [index]);

  const platformOptions = useMemo(
    () => [...platforms.values()].map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.name.localeCompare(b.name)),
    [platforms],
  );

  const priorities = useMemo(() => {
    const labels = new Set(policy.levels.map((level) => level.label));
    for (const entry of index) labels.add(entry.request.sla.label);
    return [...labels].sort();
  }, [policy, index]);

  const rows = useMemo(() => {
    const terms = searchTerms(deferredText);
    const active = { ...filters, text: deferredText };
    const out: Row[] = [];
    for (let i = 0; i < index.length; i++) {
      const entry = index[i]!;
      const timing = timings[i]!;
      if (!inSavedView(savedView, entry.request, timing, actor)) continue;
      if (!matchesFilters(entry, timing, active, terms)) continue;
      out.push({ entry, timing });
    }
    return sortRows(out, order);
  }, [index, timings, filters, deferredText, savedView, order, actor]);

  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : rows.findIndex((row) => row.entry.request.id === selectedId)),
    [rows, selectedId],
  );

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (i) => rows[i]!.entry.request.id,
  });

  const select = useCallback(
    (i: number) => {
      if (rows.length === 0) return;
      const clamped = Math.max(0, Math.min(rows.length - 1, i));
      setSelectedId(rows[clamped]!.entry.request.id);
      virtualizer.scrollToIndex(clamped, { align: 'auto' });
    },
    [rows, virtualizer],
  );

  const open = useCallback((request: Request) => go({ screen: 'request', requestId: request.id }), [go]);

  const acknowledge = useCallback(
    async (request: Request) => {
      if (!isLiaison || request.status !== 'open') return;
      const outcome = await perform('request.acknowledge', { requestId: request.id });
      setNotice(
        outcome.ok
          ? { text: t('acknowledged', { ref: request.ref }), error: false }
          : {
              text: t('ackRefused', {
                ref: request.ref,
                error: t(`common:errors.${outcome.error.code}`, { defaultValue: outcome.error.code }),
                message: outcome.error.message,
              }),
              error: true,
            },
      );
    },
    [isLiaison, perform, t],
  );

  const selected = selectedIndex >= 0 ? rows[selectedIndex]!.entry.request : null;

  // Shortcuts anywhere on the queue, except while typing in a field or with a dialog open.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape' && event.target === searchRef.current) scrollRef.current?.focus();
        return;
      }
      switch (event.key) {
        case '/':
          event.preventDefault();
          searchRef.current?.focus();
          searchRef.current?.select();
          break;
        case 'j':
          event.preventDefault();
          select(selectedIndex + 1);
          break;
        case 'k':
          event.preventDefault();
          select(selectedIndex < 0 ? 0 : selectedIndex - 1);
          break;
        case 'a':
          if (selected) {
            event.preventDefault();
            void acknowledge(selected);
          }
          break;
        case 'Enter': {
          const target = event.target as HTMLElement | null;
          if (selected && (target === scrollRef.current || target === document.body || target === null)) {
            event.preventDefault();
            open(selected);
          }
          break;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select, selectedIndex, selected, acknowledge, open]);

  const onGridKey = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in moves) {
      event.preventDefault();
      select(selectedIndex < 0 ? 0 : selectedIndex + moves[event.key]!);
    } else if (event.key === 'Home') {
      event.preventDefault();
      select(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      select(rows.length - 1);
    }
  };

  const update = (patch: Partial<QueueFilters>) => setFilters((previous) => ({ ...previous, ...patch }));
  const filtered =
    filters.platforms.size > 0 || filters.statuses.size > 0 || filters.priority !== '' || filters.campaign !== '' || filters.lateOnly || filters.text !== '';
  const number = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'fr-FR');
  const columns = isLiaison ? 'q-cols q-cols-liaison' : 'q-cols';
  const items = virtualizer.getVirtualItems();

  return (
    <section className="queue" aria-labelledby="queue-title">
      <div className="q-top">
        <h1 id="queue-title" className="q-title">
          {t('title')}
        </h1>
        <div className="q-tabs" role="tablist" aria-label={t('views.label')}>
          {SAVED_VIEWS.map((view) => (
            <button
              key={view}
              id={`q-tab-${view}`}
              type="button"
              role="tab"
              aria-selected={savedView === view}
              aria-controls="q-panel"
              title={view === 'mine' ? t(isLiaison ? 'views.mineHintLiaison' : 'views.mineHintMinistry') : undefined}
              className={`q-tab q-tab-${view}`}
              data-testid={`view-tab-${view}`}
              onClick={() => setSavedView(view)}
            >
              {t(`views.${view}`)}
              <span className="q-tab-count" data-testid={`view-count-${view}`}>
                {number.format(counts[view])}
              </span>
            </button>
          ))}
        </div>
        <p className="q-keys" aria-label={t('keys.label')}>
          <kbd>j</kbd>/<kbd>k</kbd> {t('keys.move')} · <kbd>↵</kbd> {t('keys.open')}
          {isLiaison && (
            <>
              {' '}
              · <kbd>a</kbd> {t('keys.ack')}
            </>
          )}{' '}
          · <kbd>/</kbd> {t('keys.search')}
        </p>
      </div>

      <div className="q-filters" role="search" aria-label={t('filters.label')}>
        <div className="q-search">
          <label htmlFor="q-search" className="visually-hidden">
            {t('filters.search')}
          </label>
          <span className="q-search-icon" aria-hidden="true">⌕</span>
          <input
            id="q-search"
            ref={searchRef}
            className="input"
            type="search"
            placeholder={t('filters.searchPlaceholder')}
            value={filters.text}
            aria-keyshortcuts="/"
            aria-describedby="q-search-hint"
            data-testid="queue-search"
            onChange={(event) => update({ text: event.target.value })}
          />
          <span id="q-search-hint" className="visually-hidden">
            {t('filters.searchShortcut')}
          </span>
        </div>
        {!isLiaison && (
          <MultiSelect
            label={t('filters.platform')}
            testId="filter-platform"
            options={platformOptions.map((p) => ({ value: p.id, label: p.name }))}
            selected={filters.platforms}
            onChange={(platformsSelected) => update({ platforms: platformsSelected })}
          />
        )}
        <MultiSelect
          label={t('filters.status')}
          testId="filter-status"
          options={REQUEST_STATUSES.map((status) => ({ value: status, label: t(`common:status.${status}`) }))}
          selected={filters.statuses}
          onChange={(statuses) => update({ statuses: statuses as ReadonlySet<RequestStatus> })}
        />
        <label className="visually-hidden" htmlFor="q-priority">
          {t('filters.priority')}
        </label>
        <select id="q-priority" className="select" value={filters.priority} data-testid="filter-priority" onChange={(event) => update({ priority: event.target.value })}>
          <option value="">{t('filters.anyPriority')}</option>
          {priorities.map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </select>
        {campaigns.length > 0 && (
          <>
            <label className="visually-hidden" htmlFor="q-campaign">
              {t('filters.campaign')}
            </label>
            <select id="q-campaign" className="select" value={filters.campaign} data-testid="filter-campaign" onChange={(event) => update({ campaign: event.target.value })}>
              <option value="">{t('filters.anyCampaign')}</option>
              {campaigns.map((campaign) => (
                <option key={campaign} value={campaign}>
                  {campaign}
                </option>
              ))}
            </select>
          </>
        )}
        <label className="q-check">
          <input type="checkbox" checked={filters.lateOnly} data-testid="filter-late" onChange={(event) => update({ lateOnly: event.target.checked })} />
          {t('filters.lateOnly')}
        </label>
        {filtered && (
          <button type="button" className="btn btn-small q-reset" data-testid="filter-reset" onClick={() => setFilters(NO_FILTERS)}>
            {t('filters.reset')}
          </button>
        )}
        <div className="q-filters-end">
          <span className="q-count" data-testid="queue-count" data-count={rows.length} aria-live="polite">
            {rows.length === index.length
              ? t('count', { count: rows.length, formatted: number.format(rows.length) })
              : t('countOf', { shown: number.format(rows.length), total: number.format(index.length) })}
          </span>
          <label htmlFor="q-sort" className="q-sort-label">
            {t('filters.sort')}
          </label>
          <select id="q-sort" className="select" value={order} data-testid="queue-sort" onChange={(event) => setOrder(event.target.value as SortOrder)}>
            <option value="urgency">{t('filters.sortUrgency')}</option>
            <option value="newest">{t('filters.sortNewest')}</option>
            <option value="oldest">{t('filters.sortOldest')}</option>
            <option value="ref">{t('filters.sortRef')}</option>
          </select>
        </div>
      </div>

      <div className={`q-notice${notice?.error ? ' q-notice-error' : ''}`} role="status" aria-live="polite" data-testid="queue-notice">
        {notice && (
          <>
            <span>{notice.text}</span>
            <button type="button" className="q-notice-close" aria-label={t('common:actions.close')} onClick={() => setNotice(null)}>
              ×
            </button>
          </>
        )}
      </div>

      <div id="q-panel" role="tabpanel" aria-labelledby={`q-tab-${savedView}`} className="q-panel">
        {rows.length === 0 ? (
          <div className="q-empty" data-testid="queue-empty">
            {index.length === 0 ? (
              <>
                <p className="q-empty-title">{t('empty.none')}</p>
                <p>{t('empty.noneHint')}</p>
              </>
            ) : (
              <>
                <p className="q-empty-title">{t('empty.filtered')}</p>
                {(filtered || savedView !== 'all') && (
                  <button
                    type="button"
                    className="btn"
                    onClick={() => {
                      setFilters(NO_FILTERS);
                      setSavedView('all');
                    }}
                  >
                    {t('filters.reset')}
                  </button>
                )}
              </>
            )}
          </div>
        ) : (
          <div
            ref={scrollRef}
            className="q-scroll"
            role="grid"
            aria-label={t('gridLabel')}
            aria-rowcount={rows.length + 1}
            aria-colcount={isLiaison ? 11 : 10}
            aria-activedescendant={selected ? `q-row-${selected.id}` : undefined}
            aria-keyshortcuts="j k Enter a /"
            tabIndex={0}
            data-testid="queue-grid"
            onKeyDown={onGridKey}
            onFocus={() => {
              if (selectedIndex < 0 && rows.length > 0) select(0);
            }}
          >
            <div className="q-table">
              <div role="rowgroup" className="q-head">
                <div role="row" aria-rowindex={1} className={`q-row q-head-row ${columns}`}>
                  {(['priority', 'ref', 'platform', 'kind', 'status', 'category', 'items', 'created', 'ack', 'action'] as const).map((column) => (
                    <div key={column} role="columnheader" className={`q-cell q-col-${column}`}>
                      {t(`columns.${column}`)}
                    </div>
                  ))}
                  {isLiaison && (
                    <div role="columnheader" className="q-cell q-col-actions">
                      <span className="visually-hidden">{t('columns.actions')}</span>
                    </div>
                  )}
                </div>
              </div>
              <div role="rowgroup" className="q-body" style={{ height: virtualizer.getTotalSize() }}>
                {items.map((item) => {
                  const row = rows[item.index]!;
                  const request = row.entry.request;
                  return (
                    <QueueRow
                      key={item.key}
                      request={request}
                      platformName={row.entry.platformName}
                      timing={row.timing}
                      rowIndex={item.index + 2}
                      top={item.start - HEADER_HEIGHT}
                      selected={request.id === selectedId}
                      pending={pendingIds.has(request.id)}
                      now={now}
                      language={language}
                      columns={columns}
                      canAck={isLiaison && request.status === 'open'}
                      showActions={isLiaison}
                      onOpen={() => {
                        setSelectedId(request.id);
                        open(request);
                      }}
                      onAck={() => void acknowledge(request)}
                    />
                  );
                })}
              </div>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}

interface RowProps {
  readonly request: Request;
  readonly platformName: string;
  readonly timing: Timing;
  readonly rowIndex: number;
  readonly top: number;
  readonly selected: boolean;
  readonly pending: boolean;
  readonly now: number;
  readonly language: string;
  readonly columns: string;
  readonly canAck: boolean;
  readonly showActions: boolean;
  onOpen(): void;
  onAck(): void;
}

function QueueRow(props: RowProps) {
  const { t } = useTranslation('queue');
  const { request, now, language } = props;
  const sla = slaView(request, now);
  const priorityClass = ['P0', 'P1', 'P2'].includes(request.sla.label) ? `q-prio-${request.sla.label}` : 'q-prio-other';
  return (
    <div
      id={`q-row-${request.id}`}
      role="row"
      aria-rowindex={props.rowIndex}
      aria-selected={props.selected}
      className={`q-row ${props.columns}${props.selected ? ' is-selected' : ''}${props.timing.late ? ' is-late' : ''}`}
      style={{ transform: `translateY(${props.top}px)` }}
      data-testid="queue-row"
      data-ref={request.ref}
      data-status={request.status}
      data-priority={request.sla.label}
      data-pending={props.pending ? 'true' : undefined}
      onClick={props.onOpen}
    >
      <div role="gridcell" className="q-cell q-col-priority">
        <span className={`q-prio ${priorityClass}`} title={request.sla.name}>
          {request.sla.label}
        </span>
      </div>
      <div role="gridcell" className="q-cell q-col-ref">
        <span className="q-ref">{request.ref}</span>
        {props.pending && (
          <span className="q-pending" title={t('common:pending')} data-testid="pending-marker">
            {t('pendingShort')}
          </span>
        )}
        {request.doNotInform && (
          <span className="q-dni" title={t('doNotInform')} aria-label={t('doNotInform')}>
            {t('doNotInformShort')}
          </span>
        )}
      </div>
      <div role="gridcell" className="q-cell q-col-platform">
        {props.platformName}
      </div>
      <div role="gridcell" className="q-cell q-col-kind">
        {t(`common:kind.${request.kind}`)}
      </div>
      <div role="gridcell" className="q-cell q-col-status">
        <span className={`q-status q-status-${request.status}`}>{t(`common:status.${request.status}`)}</span>
      </div>
      <div role="gridcell" className="q-cell q-col-category" title={request.campaign ? `${t(`common:category.${request.category}`)} · ${request.campaign}` : undefined}>
        {t(`common:category.${request.category}`)}
        {request.campaign && <span className="q-campaign">{request.campaign}</span>}
      </div>
      <div role="gridcell" className="q-cell q-col-items">
        {request.items.length}
      </div>
      <div role="gridcell" className="q-cell q-col-created" title={formatDateTime(request.createdAt, language, true)}>
        {t('ago', { duration: formatDuration(now - request.createdAt, language) })}
      </div>
      <div role="gridcell" className="q-cell q-col-ack">
        <Countdown testId="ack-countdown" state={sla.ack} deadline={sla.ackDeadline} periodMs={request.sla.ackMs} now={now} language={language} paused={false} settled={!PENDING_STATUSES.includes(request.status)} />
      </div>
      <div role="gridcell" className="q-cell q-col-action">
        <Countdown
          testId="action-countdown"
          state={sla.action}
          deadline={sla.actionDeadline}
          periodMs={request.sla.actionMs}
          now={now}
          language={language}
          paused={isPaused(request)}
          settled={!PENDING_STATUSES.includes(request.status)}
        />
      </div>
      {props.showActions && (
        <div role="gridcell" className="q-cell q-col-actions">
          {props.canAck && (
            <button
              type="button"
              className="btn btn-small q-ack"
              aria-label={t('acknowledgeLabel', { ref: request.ref })}
              data-testid="row-ack"
              onClick={(event) => {
                event.stopPropagation();
                props.onAck();
              }}
            >
              {t('acknowledge')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function Countdown(props: {
  testId: string;
  state: StepState;
  deadline: number | null;
  periodMs: number;
  now: number;
  language: string;
  paused: boolean;
  /** No step expected any more (withdrawn, closed…): a miss is shown as such, not as a growing delay. */
  settled: boolean;
}) {
  const { t } = useTranslation('queue');
  const { state, deadline, now, language } = props;
  let text: string;
  let tone: string;
  switch (state) {
    case 'done':
      text = t('common:sla.done');
      tone = 'done';
      break;
    case 'done_late':
      text = t('common:sla.doneLate');
      tone = 'done-late';
      break;
    case 'not_applicable':
      text = t('notApplicable');
      tone = 'na';
      break;
    case 'overdue':
      text = deadline === null || props.settled ? t('common:sla.late') : t('common:sla.overdueBy', { duration: formatDuration(now - deadline, language) });
      tone = 'overdue';
      break;
    case 'pending':
      if (props.paused) {
        text = t('paused');
        tone = 'paused';
      } else if (deadline === null) {
        text = t('common:sla.notStarted');
        tone = 'na';
      } else {
        const left = deadline - now;
        text = t('common:sla.dueIn', { duration: formatDuration(left, language) });
        tone = left < props.periodMs * 0.25 ? 'warn' : 'ok';
      }
      break;
  }
  return (
    <span
      className={`q-cd q-cd-${tone}`}
      data-testid={props.testId}
      data-state={state}
      data-tone={tone}
      title={deadline !== null ? formatDateTime(deadline, language, true) : undefined}
    >
      {text}
    </span>
  );
}

function MultiSelect(props: {
  label: string;
  testId: string;
  options: readonly { value: string; label: string }[];
  selected: ReadonlySet<string>;
  onChange(selected: ReadonlySet<string>): void;
}) {
  const { t } = useTranslation('queue');
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onDown = (event: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && ref.current?.open) {
        ref.current.open = false;
        ref.current.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  const toggle = (value: string, checked: boolean) => {
    const next = new Set(props.selected);
    if (checked) next.add(value);
    else next.delete(value);
    props.onChange(next);
  };
  const summary =
    props.selected.size === 0
      ? t('filters.any')
      : props.selected.size === 1
        ? (props.options.find((o) => props.selected.has(o.value))?.label ?? '1')
        : t('filters.selected', { count: props.selected.size });
  return (
    <details ref={ref} className={`q-ms${props.selected.size > 0 ? ' is-active' : ''}`} data-testid={props.testId}>
      <summary className="select q-ms-summary">
        {t('filters.summary', { label: props.label, value: summary })}
      </summary>
      <fieldset className="q-ms-panel">
        <legend className="visually-hidden">{props.label}</legend>
        {props.options.map((option) => (
          <label key={option.value} className="q-ms-option">
            <input
              type="checkbox"
              value={option.value}
              checked={props.selected.has(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            {option.label}
          </label>
        ))}
        {props.selected.size > 0 && (
          <button type="button" className="btn btn-small q-ms-clear" onClick={() => props.onChange(new Set())}>
            {t('filters.reset')}
          </button>
        )}
      </fieldset>
    </details>
  );
}
