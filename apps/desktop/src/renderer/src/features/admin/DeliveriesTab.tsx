import { DELIVERY_STATUSES, type DeliveryStatus, type DeliverySummary } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDesk } from '../../state/desk-store';
import { formatDateTime } from '../common/format';
import { OptionSelect } from '../common/OptionSelect';
import { TableHeader } from '../common/TableHeader';
import { PanelHead } from './PanelHead';
import { useDeliveryLog } from './use-delivery-log';

/** What the relay sent outside the app, with every attempt's outcome: the prefect's view. */
export function DeliveriesTab() {
  const { t } = useTranslation('integrations');
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const log = useDeliveryLog(status);
  const given = log.abandoned;
  return (
    <div className="kit-panel" data-testid="deliveries-panel">
      <PanelHead
        title={t('deliveries.title')}
        intro={t('deliveries.intro')}
        tools={
          <div className="ad-row-buttons">
            <label className="ad-inline-label">
              {t('deliveries.filter')}
              <OptionSelect
                values={DELIVERY_STATUSES}
                value={status}
                empty={t('deliveries.all')}
                label={(value) => (value === '' ? t('deliveries.all') : t(`deliveries.status.${value}`))}
                onChange={(value) => setStatus(value)}
                data-testid="deliveries-status"
              />
            </label>
            <button type="button" className="kit-button kit-button-small" onClick={log.reload} data-testid="deliveries-refresh">
              {t('deliveries.refresh')}
            </button>
          </div>
        }
      />
      {given && given.count > 0 ? (
        <div className="kit-error" role="alert" data-testid="deliveries-abandoned">
          <span>{t(given.atLeast ? 'deliveries.failuresAtLeast' : 'deliveries.failures', { count: given.count })}</span>
          {status !== 'abandoned' ? (
            <button
              type="button"
              className="kit-link-button"
              onClick={() => setStatus('abandoned')}
              data-testid="deliveries-show-abandoned"
            >
              {t('deliveries.showAbandoned')}
            </button>
          ) : null}
        </div>
      ) : null}
      {log.state === 'offline' ? <p className="kit-muted">{t('deliveries.offline')}</p> : null}
      {log.state === 'ready' && log.deliveries.length === 0 ? <p className="kit-muted">{t('deliveries.empty')}</p> : null}
      {log.deliveries.length > 0 ? <DeliveryTable deliveries={log.deliveries} /> : null}
      {log.hasMore ? (
        <button type="button" className="kit-button ad-add-level" onClick={log.more} disabled={log.state === 'loading'}>
          {t('deliveries.more')}
        </button>
      ) : null}
    </div>
  );
}

function DeliveryTable({ deliveries }: { deliveries: readonly DeliverySummary[] }) {
  const { t, i18n } = useTranslation('integrations');
  const lang = i18n.language;
  const go = useNavigation((state) => state.go);
  const platforms = useDesk((state) => state.view.platforms);
  return (
    <div className="kit-table-wrap">
      <table className="kit-table ad-deliveries" data-testid="deliveries-table">
        <TableHeader
          columns={[
            { label: t('deliveries.columns.when') },
            { label: t('deliveries.columns.channel') },
            { label: t('deliveries.columns.to') },
            { label: t('deliveries.columns.request') },
            { label: t('deliveries.columns.why') },
            { label: t('deliveries.columns.status') },
            { label: t('deliveries.columns.last') },
          ]}
        />
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.deliveryId} data-testid="delivery-row" data-delivery={delivery.deliveryId} data-status={delivery.status}>
              <td>{formatDateTime(delivery.createdAt, lang, true)}</td>
              <td>{t(`deliveries.channel.${delivery.channel}`)}</td>
              <td>
                <span className="kit-ellipsis" title={delivery.target}>
                  {delivery.targetName ?? delivery.target}
                </span>
                {delivery.platformId ? (
                  <div className="kit-hint">{platforms.get(delivery.platformId)?.name ?? delivery.platformId}</div>
                ) : null}
              </td>
              <td>
                {delivery.requestId && delivery.ref ? (
                  <button
                    type="button"
                    className="kit-link-button"
                    onClick={() => go({ screen: 'request', requestId: delivery.requestId ?? '' })}
                  >
                    {delivery.ref}
                  </button>
                ) : (
                  '—'
                )}
              </td>
              <td>
                {t(`deliveries.trigger.${delivery.trigger}`)}
                {delivery.topic ? <div className="kit-hint">{delivery.topic}</div> : null}
              </td>
              <td>
                <span className={`ad-delivery ad-delivery-${delivery.status}`}>{t(`deliveries.status.${delivery.status}`)}</span>
                <div className="kit-hint" data-testid="delivery-attempts">
                  {t('deliveries.attempts', { count: delivery.attempts })}
                  {delivery.nextAttemptAt !== null && delivery.status === 'pending'
                    ? ` · ${t('deliveries.next', { time: formatDateTime(delivery.nextAttemptAt, lang, true) })}`
                    : ''}
                </div>
              </td>
              <td>
                <span className="kit-ellipsis" title={delivery.lastDetail ?? ''}>
                  {delivery.lastDetail ?? '—'}
                </span>
                {delivery.lastAttemptAt !== null ? (
                  <div className="kit-hint">{formatDateTime(delivery.lastAttemptAt, lang, true)}</div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
