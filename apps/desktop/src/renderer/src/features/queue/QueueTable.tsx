import type { Request } from '@contact-desk/shared';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import type { ColumnId } from './queue-columns';
import type { Row } from './queue-order';
import { QueueRow } from './QueueRow';

export const ROW_HEIGHT = 38;
const HEADER_HEIGHT = 34;
const rowHeight = () => ROW_HEIGHT;

/** What each row may offer, decided by the screen from the viewer's role and the request. */
export interface RowOffers {
  canAck(request: Request): boolean;
  canTake(request: Request): boolean;
  onMySide(request: Request): boolean;
}

export interface QueueTableProps {
  readonly rows: readonly Row[];
  readonly columns: readonly ColumnId[];
  readonly template: string;
  readonly gridRef: RefObject<HTMLDivElement | null>;
  readonly cursorIndex: number;
  /** Bumped when the keyboard moves the cursor: the table scrolls its row into view. */
  readonly reveal: number;
  readonly ticked: ReadonlySet<string>;
  readonly tickedListed: number;
  readonly offers: RowOffers;
  readonly initialScrollTop: number;
  onScrolled(scrollTop: number): void;
  onFocusGrid(): void;
  onTickAll(): void;
  onOpen(request: Request): void;
  onTick(request: Request, range: boolean): void;
  onAck(request: Request): void;
  onTake(request: Request): void;
}

export function QueueTable(props: QueueTableProps) {
  const { t, i18n } = useTranslation(['queue', 'common']);
  const { rows, columns, gridRef } = props;
  const pendingIds = useDesk((s) => s.pendingIds);
  const loadingLocal = useDesk((s) => s.sync.loadingLocal);
  const restored = useRef(false);
  // The virtualizer measures every row again whenever its key function changes: on 100k rows that
  // is 100k objects, so the function changes with the rows only, not with every render.
  const rowKey = useCallback((index: number) => rows[index]!.entry.request.id, [rows]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => gridRef.current,
    estimateSize: rowHeight,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: props.initialScrollTop,
    getItemKey: rowKey,
  });

  // Back at the place the user left: once enough rows are there (or all the local copy is loaded).
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (restored.current || !grid) return;
    const enough = HEADER_HEIGHT + rows.length * ROW_HEIGHT >= props.initialScrollTop + grid.clientHeight;
    if (!enough && loadingLocal) return;
    grid.scrollTop = props.initialScrollTop;
    restored.current = true;
  }, [rows.length, loadingLocal, gridRef, props.initialScrollTop]);

  const { cursorIndex, reveal } = props;
  useEffect(() => {
    if (reveal > 0 && cursorIndex >= 0) virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
  }, [reveal, cursorIndex, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const cursorId = cursorIndex >= 0 ? rows[cursorIndex]?.entry.request.id : undefined;
  const cursorShown = cursorId !== undefined && items.some((item) => item.key === cursorId);
  const allState = props.tickedListed === 0 ? false : props.tickedListed === rows.length ? true : 'mixed';

  return (
    <div
      ref={gridRef}
      className="q-scroll"
      role="grid"
      aria-label={t('gridLabel')}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      aria-multiselectable={columns.includes('select') || undefined}
      aria-activedescendant={cursorShown ? `q-row-${cursorId}` : undefined}
      aria-keyshortcuts="j k x Enter a t /"
      tabIndex={0}
      data-testid="queue-grid"
      onFocus={(event) => event.target === event.currentTarget && props.onFocusGrid()}
      onScroll={(event) => restored.current && props.onScrolled(event.currentTarget.scrollTop)}
    >
      <div className="q-table">
        <div role="rowgroup" className="q-head">
          <div role="row" aria-rowindex={1} className="q-row q-head-row" style={{ gridTemplateColumns: props.template }}>
            {columns.map((column) => (
              <div
                key={column}
                role="columnheader"
                className={`q-cell q-col-${column}`}
                title={column === 'level' ? t('columns.levelLong') : undefined}
              >
                {column === 'select' ? (
                  <input
                    type="checkbox"
                    className="q-tick"
                    checked={allState === true}
                    ref={(input) => {
                      if (input) input.indeterminate = allState === 'mixed';
                    }}
                    aria-label={t('row.selectAll', { count: rows.length })}
                    data-testid="tick-all"
                    onChange={props.onTickAll}
                  />
                ) : column === 'actions' ? (
                  <span className="visually-hidden">{t('columns.actions')}</span>
                ) : (
                  t(`columns.${column}`)
                )}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="q-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            const request = row.entry.request;
            return (
              <QueueRow
                key={item.key}
                row={row}
                columns={columns}
                template={props.template}
                rowIndex={item.index + 2}
                top={item.start - HEADER_HEIGHT}
                cursor={item.index === cursorIndex}
                ticked={props.ticked.has(request.id)}
                pending={pendingIds.has(request.id)}
                onMySide={props.offers.onMySide(request)}
                canAck={props.offers.canAck(request)}
                canTake={props.offers.canTake(request)}
                language={i18n.language}
                t={t}
                onOpen={props.onOpen}
                onTick={props.onTick}
                onAck={props.onAck}
                onTake={props.onTake}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
