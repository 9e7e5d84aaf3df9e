import { ESCALATION_TARGETS, triageReason, waitingOn, type Request } from '@contact-desk/shared';
import type { TFunction } from 'i18next';
import { memo, type MouseEvent, type ReactNode } from 'react';
import { DeadlineCountdown } from './DeadlineCountdown';
import type { ColumnId } from './queue-columns';
import type { Row } from './queue-order';
import { OwnerName } from './OwnerName';

/**
 * The table's translation, handed to its rows: a translation hook per row (and per countdown and
 * owner in it) costs a copy of the i18next instance each time a row is mounted, which a filter
 * bringing rows into view pays dozens of times.
 */
export type QueueT = TFunction<['queue', 'common']>;

export interface QueueRowProps {
  readonly row: Row;
  readonly columns: readonly ColumnId[];
  readonly template: string;
  readonly rowIndex: number;
  readonly top: number;
  readonly cursor: boolean;
  readonly ticked: boolean;
  readonly pending: boolean;
  /** The request waits for the viewer's side: its reason is shown as theirs to act on. */
  readonly onMySide: boolean;
  readonly canAck: boolean;
  readonly canTake: boolean;
  readonly language: string;
  readonly t: QueueT;
  onOpen(request: Request): void;
  onTick(request: Request, range: boolean): void;
  onAck(request: Request): void;
  onTake(request: Request): void;
}

const stop = (event: MouseEvent) => event.stopPropagation();

function Cell({ column, children, title }: { column: ColumnId; children?: ReactNode; title?: string }) {
  return (
    <div role="gridcell" className={`q-cell q-col-${column}`} title={title}>
      {children}
    </div>
  );
}

export const QueueRow = memo(function QueueRow(props: QueueRowProps) {
  const { t } = props;
  const { request, platformName } = props.row.entry;
  const reason = triageReason(request);
  const side = waitingOn(request);
  const level = request.escalationLevel;
  const levelTitle = t('level.title', { level, target: t(`common:escalation.${ESCALATION_TARGETS[level] ?? 'prefect'}`) });
  const cells: Record<ColumnId, () => ReactNode> = {
    select: () => (
      <input
        type="checkbox"
        className="q-tick"
        tabIndex={-1}
        checked={props.ticked}
        aria-label={t('row.select', { ref: request.ref })}
        data-testid="row-tick"
        onClick={(event) => {
          event.stopPropagation();
          props.onTick(request, event.shiftKey);
        }}
        onChange={() => undefined}
      />
    ),
    priority: () => (
      <span
        className={`q-prio q-prio-${['P0', 'P1', 'P2'].includes(request.sla.label) ? request.sla.label : 'other'}`}
        title={request.sla.name}
      >
        {request.sla.label}
      </span>
    ),
    ref: () => (
      <>
        <span className="q-ref">{request.ref}</span>
        {request.doNotInform && (
          <span className="q-dni" title={t('doNotInform')} aria-label={t('doNotInform')}>
            {t('doNotInformShort')}
          </span>
        )}
      </>
    ),
    platform: () => <span className="q-cell-text">{platformName}</span>,
    reason: () => (
      <span
        className={`q-reason${props.onMySide ? ' is-mine' : ''}${side ? ` q-side-${side}` : ''}`}
        data-testid="reason"
        data-reason={reason ?? ''}
      >
        {t(`reason.${reason ?? 'none'}`)}
      </span>
    ),
    deadline: () => <DeadlineCountdown request={request} language={props.language} t={t} />,
    level: () =>
      level === 0 ? (
        <span className="q-level-none">{t('level.none')}</span>
      ) : (
        <span className={`q-level q-level-${level}`} data-testid="level">
          {t('level.short', { level })}
        </span>
      ),
    ownerMinistry: () => <OwnerName request={request} side="ministry" t={t} />,
    ownerPlatform: () => <OwnerName request={request} side="platform" t={t} />,
    status: () => (
      <>
        <span className={`q-status q-status-${request.status}`}>{t(`common:status.${request.status}`)}</span>
        {props.pending && (
          <span className="q-pending" title={t('pendingTitle')} data-testid="pending-marker">
            {t('pendingShort')}
          </span>
        )}
      </>
    ),
    actions: () => (
      <>
        {props.canAck && (
          <button
            type="button"
            className="btn btn-small q-ack"
            aria-label={t('row.acknowledgeLabel', { ref: request.ref })}
            data-testid="row-ack"
            onClick={(event) => (stop(event), props.onAck(request))}
          >
            {t('row.acknowledge')}
          </button>
        )}
        {props.canTake && (
          <button
            type="button"
            className="btn btn-small q-take"
            aria-label={t('row.takeLabel', { ref: request.ref })}
            data-testid="row-take"
            onClick={(event) => (stop(event), props.onTake(request))}
          >
            {t('row.take')}
          </button>
        )}
      </>
    ),
  };
  const titles: Partial<Record<ColumnId, string>> = {
    reason: t(`waitsFor.${side ?? 'none'}`),
    level: level === 0 ? undefined : levelTitle,
  };
  return (
    <div
      id={`q-row-${request.id}`}
      role="row"
      aria-rowindex={props.rowIndex}
      aria-selected={props.ticked}
      className={`q-row${props.cursor ? ' is-cursor' : ''}${props.ticked ? ' is-ticked' : ''}${props.row.facts.late ? ' is-late' : ''}`}
      style={{ transform: `translateY(${props.top}px)`, gridTemplateColumns: props.template }}
      data-testid="queue-row"
      data-ref={request.ref}
      data-id={request.id}
      data-status={request.status}
      data-priority={request.sla.label}
      data-level={level}
      data-late={props.row.facts.late ? 'true' : undefined}
      data-cursor={props.cursor ? 'true' : undefined}
      data-pending={props.pending ? 'true' : undefined}
      onClick={() => props.onOpen(request)}
    >
      {props.columns.map((column) => (
        <Cell key={column} column={column} title={titles[column]}>
          {cells[column]()}
        </Cell>
      ))}
    </div>
  );
});
