import { mutationsFor, viewerSide, type TriageViewer } from '@contact-desk/shared';
import { bulkActionsFor } from './queue-actions';

export type ColumnId =
  'select' | 'priority' | 'ref' | 'platform' | 'reason' | 'deadline' | 'level' | 'ownerMinistry' | 'ownerPlatform' | 'status' | 'actions';

const WIDTH: Readonly<Record<ColumnId, string>> = {
  select: '34px',
  priority: '52px',
  ref: '156px',
  platform: 'minmax(110px, 1fr)',
  reason: 'minmax(130px, 1.1fr)',
  deadline: '190px',
  level: '50px',
  ownerMinistry: 'minmax(96px, 0.9fr)',
  ownerPlatform: 'minmax(90px, 0.7fr)',
  status: '160px',
  actions: '84px',
};

/**
 * The columns a viewer gets: ticks only with a bulk action to use them for, the platform only
 * for the ministry (a liaison sees one), owners on both sides for the ministry and on their own
 * side for a liaison, a column of row actions only for those who may take or acknowledge.
 */
export function columnsFor(viewer: TriageViewer | null): ColumnId[] {
  const role = viewer && viewer.role !== 'system' ? viewer.role : null;
  const allowed = role ? mutationsFor(role) : [];
  const liaison = role === 'liaison';
  const columns: ColumnId[] = [];
  if (bulkActionsFor(viewer).length > 0) columns.push('select');
  columns.push('priority', 'ref');
  if (!liaison) columns.push('platform');
  columns.push('reason', 'deadline', 'level');
  // Ministry users are not shared with platforms: a liaison would read "taken" on every row.
  columns.push(
    ...(viewer && viewerSide(viewer) === 'platform' ? (['ownerPlatform'] as const) : (['ownerMinistry', 'ownerPlatform'] as const)),
  );
  columns.push('status');
  if (allowed.includes('request.assign') || allowed.includes('request.acknowledge')) columns.push('actions');
  return columns;
}

export function gridTemplate(columns: readonly ColumnId[], liaison: boolean): string {
  return columns.map((column) => (column === 'actions' && liaison ? '150px' : WIDTH[column])).join(' ');
}
