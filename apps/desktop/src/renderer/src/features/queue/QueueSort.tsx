import { useTranslation } from 'react-i18next';
import { OptionSelect } from '../common/OptionSelect';
import { SORT_ORDERS, type SortOrder } from './queue-order';
import type { queueFr } from './texts-fr';

const LABEL: Readonly<Record<SortOrder, keyof (typeof queueFr)['filters']>> = {
  urgency: 'sortUrgency',
  newest: 'sortNewest',
  oldest: 'sortOldest',
  ref: 'sortRef',
};

/** The order of the list: urgency (the triage order) or one to look something up. */
export function QueueSort({ order, onChange }: { order: SortOrder; onChange(order: SortOrder): void }) {
  const { t } = useTranslation('queue');
  return (
    <div className="q-sort">
      <label htmlFor="q-sort" className="q-sort-label">
        {t('filters.sort')}
      </label>
      <OptionSelect
        id="q-sort"
        className="select"
        data-testid="queue-sort"
        values={SORT_ORDERS}
        value={order}
        label={(value) => t(`filters.${LABEL[value]}`)}
        onChange={onChange}
      />
    </div>
  );
}
