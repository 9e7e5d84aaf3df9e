import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';

/** Shows a "pending" marker while a record's mutation has not been confirmed. */
export function Pending({ id }: { id: string }) {
  const { t } = useTranslation('meetings');
  const pending = useDesk((s) => s.pendingIds.has(id));
  if (!pending) return null;
  return (
    <span className="kit-pending" data-testid="pending-marker">
      {t('common:pending')}
    </span>
  );
}
