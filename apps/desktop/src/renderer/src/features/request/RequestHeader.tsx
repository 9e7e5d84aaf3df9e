import type { Request } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDesk } from '../../state/desk-store';
import { PendingMarker } from '../common/PendingMarker';
import { priorityClass } from '../common/priority-class';

/** Back to the queue, the reference, priority and status, and the do-not-inform warning. */
export function RequestHeader({ request }: { request: Request }) {
  const { t } = useTranslation(['request', 'common']);
  const go = useNavigation((state) => state.go);
  const platform = useDesk((state) => state.view.platforms.get(request.platformId));
  return (
    <>
      <button type="button" className="kit-link-button rq-back" onClick={() => go({ screen: 'queue' })}>
        ← {t('back')}
      </button>
      <header className="rq-header">
        <div className="rq-title-row">
          <h1 id="rq-title" data-testid="request-ref">
            {request.ref}
          </h1>
          <span className={priorityClass(request.sla.label)} title={request.sla.name} data-testid="request-priority">
            {request.sla.label}
          </span>
          <span className={`kit-status kit-status-${request.status}`} data-testid="request-status" data-status={request.status}>
            {t(`common:status.${request.status}`)}
          </span>
          <PendingMarker id={request.id} />
        </div>
        <p className="rq-subtitle">
          <strong>{platform?.name ?? request.platformId}</strong> · {t(`common:kind.${request.kind}`)} ·{' '}
          {t('header.priority', { label: request.sla.label, name: request.sla.name })}
        </p>
      </header>
      {request.doNotInform ? (
        <div className="rq-dni" role="note" data-testid="do-not-inform">
          <span className="rq-dni-icon" aria-hidden="true">
            ⚠
          </span>
          <div>
            <strong>{t('doNotInform.title')}</strong>
            <p>{t('doNotInform.body')}</p>
          </div>
        </div>
      ) : null}
    </>
  );
}
