import { useTranslation } from 'react-i18next';
import { tablistKeys } from '../common/tablist-keys';
import type { QueueTab, TabCounts } from './queue-triage';

/** The triage tabs with their counts; the arrow keys move between them (the tablist pattern). */
export function QueueTabs(props: { tabs: readonly QueueTab[]; current: QueueTab; counts: TabCounts; onChange(tab: QueueTab): void }) {
  const { t, i18n } = useTranslation('queue');
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR');
  const { tabs, current } = props;

  return (
    <div
      className="q-tabs"
      role="tablist"
      aria-label={t('tabs.label')}
      onKeyDown={tablistKeys(tabs, current, props.onChange, (tab) => `q-tab-${tab}`)}
    >
      {tabs.map((tab) => {
        const hint =
          tab === 'action'
            ? t('tabs.actionHint', { mine: number.format(props.counts.action), rows: number.format(props.counts.actionRows) })
            : t(`tabs.${tab}Hint`);
        return (
          <button
            key={tab}
            id={`q-tab-${tab}`}
            type="button"
            role="tab"
            aria-selected={current === tab}
            aria-controls="q-panel"
            tabIndex={current === tab ? 0 : -1}
            title={hint}
            className={`q-tab q-tab-${tab}`}
            data-testid={`view-tab-${tab}`}
            onClick={() => props.onChange(tab)}
          >
            {t(`tabs.${tab}`)}
            <span className="q-tab-count" data-testid={`view-count-${tab}`}>
              {number.format(props.counts[tab])}
            </span>
          </button>
        );
      })}
    </div>
  );
}
