import { needsActionFrom, type Request, type TriageViewer } from '@contact-desk/shared';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDesk } from '../../state/desk-store';
import { ImportOutcomesButton } from '../outcomes/ImportOutcomesButton';
import { ActionNotice } from './ActionNotice';
import { BulkBar } from './BulkBar';
import { QueueEmpty } from './QueueEmpty';
import { QueueFilterBar } from './QueueFilterBar';
import { QueueFooter } from './QueueFooter';
import { QueueSort } from './QueueSort';
import { QueueTable, ROW_HEIGHT, type RowOffers } from './QueueTable';
import { QueueTabs } from './QueueTabs';
import { SavedViewsMenu } from './SavedViewsMenu';
import { bulkActionsFor, canApply, type RowAction } from './queue-actions';
import { columnsFor, gridTemplate } from './queue-columns';
import { NO_FILTERS } from './queue-filters';
import { tabsFor } from './queue-triage';
import type { QueueView } from './queue-view';
import { useQueueActions } from './use-queue-actions';
import { useQueueKeys } from './use-queue-keys';
import { useQueuePlace } from './use-queue-place';
import { useQueueRows } from './use-queue-rows';
import { useSavedViews } from './use-saved-views';
import { useSelection } from './use-selection';
import '../../styles/queue.css';

/** Triage, the first screen of every role: tabs, saved views, filters, the list, bulk actions. */
export function QueueScreen() {
  const { t } = useTranslation('queue');
  const actor = useDesk((s) => s.sync.actor);
  const userId = actor?.userId ?? null;
  const role = actor?.role ?? null;
  const platformId = actor?.platformId ?? null;
  const viewer = useMemo<TriageViewer | null>(() => (userId && role ? { userId, role, platformId } : null), [userId, role, platformId]);
  if (!viewer) {
    return (
      <section className="queue" aria-busy="true" data-testid="queue-loading">
        <p className="q-loading">{t('loading')}</p>
      </section>
    );
  }
  return <Triage key={viewer.userId} viewer={viewer} />;
}

function Triage({ viewer }: { viewer: TriageViewer }) {
  const { t } = useTranslation('queue');
  const go = useNavigation((s) => s.go);
  const place = useQueuePlace(viewer);
  const saved = useSavedViews(viewer.userId);
  const actions = useQueueActions(viewer);
  const { view, setView, moveCursor } = place;
  const { rows, counts, inTabCount } = useQueueRows(view, viewer, actions.heldIds);
  const selection = useSelection(rows);
  const gridRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [reveal, setReveal] = useState(0);

  const columns = useMemo(() => columnsFor(viewer), [viewer]);
  const template = gridTemplate(columns, viewer.role === 'liaison');
  const offers = useMemo<RowOffers>(
    () => ({
      canAck: (request) => canApply('acknowledge', request, viewer),
      canTake: (request) => canApply('take', request, viewer),
      onMySide: (request) => needsActionFrom(request, viewer),
    }),
    [viewer],
  );
  const cursorIndex = useMemo(
    () => (place.cursorId === null ? -1 : rows.findIndex((row) => row.entry.request.id === place.cursorId)),
    [rows, place.cursorId],
  );
  const cursorRequest = cursorIndex >= 0 ? rows[cursorIndex]!.entry.request : null;
  const listedRequests = useMemo(() => {
    const ticked = new Set(selection.listed);
    return rows.filter((row) => ticked.has(row.entry.request.id)).map((row) => row.entry.request);
  }, [rows, selection.listed]);

  /** A new tab, filters or order: from the top, nothing ticked. */
  const changeView = useCallback(
    (change: (previous: QueueView) => QueueView) => {
      setView(change);
      selection.clear();
      if (gridRef.current) gridRef.current.scrollTop = 0;
      place.rememberScroll(0);
    },
    [setView, selection, place],
  );

  // Callbacks that keep their identity while the data changes: the listed rows (memo) render
  // again only when what they show does.
  const { run } = actions;
  const act = useCallback(
    (action: RowAction, request: Request | null) => {
      if (request && canApply(action, request, viewer)) void run(action, [request]);
    },
    [run, viewer],
  );
  const acknowledge = useCallback((request: Request) => act('acknowledge', request), [act]);
  const take = useCallback((request: Request) => act('take', request), [act]);
  const open = useCallback(
    (request: Request) => {
      moveCursor(request.id);
      go({ screen: 'request', requestId: request.id });
    },
    [moveCursor, go],
  );
  const { range: tickRange, toggle: tickOne } = selection;
  const onTick = useCallback(
    (request: Request, range: boolean) => {
      moveCursor(request.id);
      if (range) tickRange(request.id);
      else tickOne(request.id);
    },
    [moveCursor, tickRange, tickOne],
  );

  useQueueKeys(
    {
      rowCount: rows.length,
      cursorIndex,
      pageRows: Math.max(1, Math.floor((gridRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 2),
      moveTo: (index, extend) => {
        const id = rows[index]?.entry.request.id;
        if (!id) return;
        moveCursor(id);
        setReveal((n) => n + 1);
        if (!extend || !columns.includes('select')) return;
        // Shift with nothing ticked yet: the range starts at the row the cursor leaves.
        if (!selection.anchored && cursorRequest) selection.toggle(cursorRequest.id);
        selection.range(id);
      },
      toggle: (range) => cursorRequest && columns.includes('select') && onTick(cursorRequest, range),
      selectAll: () => columns.includes('select') && selection.all(),
      clearSelection: () => (selection.listed.length > 0 ? (selection.clear(), true) : false),
      open: () => cursorRequest && open(cursorRequest),
      acknowledge: () => act('acknowledge', cursorRequest),
      take: () => act('take', cursorRequest),
    },
    gridRef,
    searchRef,
  );

  return (
    <section className="queue" aria-labelledby="queue-title" data-testid="queue-screen" data-tab={view.tab}>
      <div className="q-top">
        <h1 id="queue-title" className="q-title">
          {t('title')}
        </h1>
        <QueueTabs
          tabs={tabsFor(viewer)}
          current={view.tab}
          counts={counts}
          onChange={(tab) => changeView((previous) => ({ ...previous, tab }))}
        />
        <SavedViewsMenu
          views={saved.views}
          current={view}
          apply={(next) => changeView(() => next)}
          save={saved.save}
          rename={saved.rename}
          remove={saved.remove}
        />
        <QueueSort order={view.order} onChange={(order) => changeView((previous) => ({ ...previous, order }))} />
        {viewer.role === 'liaison' && viewer.platformId && (
          <ImportOutcomesButton
            platformId={viewer.platformId}
            running={actions.running}
            onApply={(jobs) => void actions.runJobs('import', jobs)}
          />
        )}
      </div>
      <QueueFilterBar
        viewer={viewer}
        filters={view.filters}
        searchRef={searchRef}
        onFilters={(patch) => changeView((previous) => ({ ...previous, filters: { ...previous.filters, ...patch } }))}
        onReset={() => changeView((previous) => ({ ...previous, filters: NO_FILTERS }))}
      />
      <BulkBar
        viewer={viewer}
        selected={listedRequests}
        running={actions.running}
        onRun={(action, requests, input) => {
          // The ticks are spent: the rows keep their pending markers until the relay answers.
          selection.clear();
          void actions.run(action, requests, input);
        }}
        onClear={selection.clear}
      />
      <ActionNotice report={actions.report} viewer={viewer} onDismiss={actions.dismiss} />
      <div id="q-panel" role="tabpanel" aria-labelledby={`q-tab-${view.tab}`} className="q-panel">
        {rows.length === 0 ? (
          <QueueEmpty
            total={counts.all}
            inTab={inTabCount}
            tab={view.tab}
            onReset={() => changeView((previous) => ({ ...previous, filters: NO_FILTERS }))}
            onShowAll={() => changeView((previous) => ({ ...previous, tab: 'all' }))}
          />
        ) : (
          <QueueTable
            rows={rows}
            columns={columns}
            template={template}
            gridRef={gridRef}
            cursorIndex={cursorIndex}
            reveal={reveal}
            ticked={selection.ticked}
            tickedListed={selection.listed.length}
            offers={offers}
            initialScrollTop={place.savedScrollTop()}
            onScrolled={place.rememberScroll}
            onFocusGrid={() => cursorIndex < 0 && rows[0] && moveCursor(rows[0].entry.request.id)}
            onTickAll={selection.all}
            onOpen={open}
            onTick={onTick}
            onAck={acknowledge}
            onTake={take}
          />
        )}
      </div>
      <QueueFooter
        shown={rows.length}
        inTab={inTabCount}
        tick={columns.includes('select')}
        acknowledge={bulkActionsFor(viewer).includes('acknowledge')}
        take={columns.includes('actions')}
      />
    </section>
  );
}
