import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';

/** Shows a "pending" marker while a record's mutation has not been confirmed by the relay. */
export function PendingMarker({ id }: { id: string }) {
  const { t } = useTranslation('common');
  const pending = useDesk((state) => state.pendingIds.has(id));
  if (!pending) return null;
  return (
    <span className="kit-pending" data-testid="pending-marker" role="status">
      {t('pending')}
    </span>
  );
}
