import { useTranslation } from 'react-i18next';
import type { QueueTab } from './queue-triage';

/** Why no row is listed: no request at all, nothing in this tab, or nothing passing the filters. */
export function QueueEmpty(props: { total: number; inTab: number; tab: QueueTab; onReset(): void; onShowAll(): void }) {
  const { t } = useTranslation('queue');
  let title: string;
  let action: { label: string; run(): void } | null = null;
  if (props.total === 0) title = t('empty.none');
  else if (props.inTab === 0) {
    title = t(`empty.${props.tab}`);
    if (props.tab !== 'all') action = { label: t('empty.showAll'), run: props.onShowAll };
  } else {
    title = t('empty.filtered');
    action = { label: t('filters.reset'), run: props.onReset };
  }
  return (
    <div className="q-empty" data-testid="queue-empty">
      <p className="q-empty-title">{title}</p>
      {props.total === 0 && <p>{t('empty.noneHint')}</p>}
      {action && (
        <button type="button" className="btn" data-testid="queue-empty-action" onClick={action.run}>
          {action.label}
        </button>
      )}
    </div>
  );
}
