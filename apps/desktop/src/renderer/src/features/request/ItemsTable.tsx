import type { Request } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { formatDateTime } from '../common/format';
import { pendingItemAnswers } from './sla-model';

/** The content items and what the platform did with each. */
export function ItemsTable({ request }: { request: Request }) {
  const { t, i18n } = useTranslation(['request', 'common']);
  const lang = i18n.language;
  const confirmed = useDesk((state) => state.confirmed.requests.get(request.id));
  const pending = pendingItemAnswers(confirmed, request);
  return (
    <section className="kit-panel" aria-labelledby="rq-items-title">
      <h2 id="rq-items-title" className="kit-panel-title">
        {t('items.title', { count: request.items.length })}
      </h2>
      <div className="kit-table-wrap">
        <table className="kit-table rq-items" data-testid="items-table">
          <thead>
            <tr>
              <th scope="col" className="rq-col-index">
                {t('items.index')}
              </th>
              <th scope="col">{t('items.location')}</th>
              <th scope="col">{t('items.outcome')}</th>
              <th scope="col">{t('items.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {request.items.map((item, index) => (
              <tr key={item.id} data-testid="item-row" data-outcome={item.answer?.outcome ?? ''}>
                <td className="rq-col-index">{index + 1}</td>
                <td className="rq-location">
                  <span className="kit-ellipsis" title={item.location}>
                    {item.location}
                  </span>
                </td>
                <td>
                  {item.answer ? (
                    <span className={`kit-outcome kit-outcome-${item.answer.outcome}`}>{t(`common:outcome.${item.answer.outcome}`)}</span>
                  ) : (
                    <span className="kit-muted">{t('items.awaiting')}</span>
                  )}
                  {item.answer && pending.has(item.id) ? (
                    <div className="kit-hint rq-hint-pending" data-testid="item-pending">
                      {t('sla.waitingToBeSent')}
                    </div>
                  ) : item.answer ? (
                    <div className="kit-hint">{t('items.answeredAt', { time: formatDateTime(item.answer.at, lang) })}</div>
                  ) : null}
                </td>
                <td className="rq-detail">
                  {item.answer?.ground ? <strong>{t(`common:ground.${item.answer.ground}`)}</strong> : null}
                  {item.answer?.ground && item.answer.reason ? ' — ' : null}
                  {item.answer?.reason ?? (item.answer?.ground ? null : <span className="kit-muted">—</span>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
