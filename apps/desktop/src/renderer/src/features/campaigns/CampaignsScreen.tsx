import { mutationsFor } from '@contact-desk/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDesk } from '../../state/desk-store';
import { formatDateTime } from '../common/format';
import { useRelayNow } from '../common/use-relay-now';
import { campaignList } from './campaign-model';
import { StartCampaignForm } from './StartCampaignForm';
import '../../styles/kit.css';
import '../../styles/campaigns.css';

/** The campaigns, open ones first, with what was sent under each and how much is late. */
export function CampaignsScreen() {
  const { t, i18n } = useTranslation('campaigns');
  const campaigns = useDesk((state) => state.view.campaigns);
  const requests = useDesk((state) => state.view.requests);
  const platforms = useDesk((state) => state.view.platforms);
  const actor = useDesk((state) => state.sync.actor);
  const go = useNavigation((state) => state.go);
  const now = useRelayNow(30_000);
  const [starting, setStarting] = useState(false);
  const mayStart = actor !== null && actor.role !== 'system' && mutationsFor(actor.role).includes('campaign.start');
  const rows = useMemo(() => campaignList(campaigns.values(), requests.values(), now), [campaigns, requests, now]);

  return (
    <div className="kit-screen cp-screen" data-testid="campaigns-screen">
      <div className="cp-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="kit-muted">{t('intro')}</p>
        </div>
        {mayStart && !starting && (
          <button type="button" className="kit-button kit-button-primary" data-testid="campaign-start" onClick={() => setStarting(true)}>
            {t('start.button')}
          </button>
        )}
      </div>
      {starting && (
        <section className="kit-panel" aria-labelledby="cp-start-title">
          <h2 id="cp-start-title" className="kit-panel-title">
            {t('start.title')}
          </h2>
          <StartCampaignForm onCancel={() => setStarting(false)} onStarted={(campaignId) => go({ screen: 'campaign', campaignId })} />
        </section>
      )}
      <section className="kit-panel">
        {rows.length === 0 ? (
          <p className="kit-muted" data-testid="campaigns-none">
            {t('none')}
          </p>
        ) : (
          <table className="cp-table cp-list" data-testid="campaigns-list">
            <caption className="kit-visually-hidden">{t('list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.name')}</th>
                <th scope="col">{t('list.status')}</th>
                <th scope="col">{t('list.started')}</th>
                <th scope="col">{t('list.sent')}</th>
                <th scope="col">{t('list.late')}</th>
                <th scope="col">{t('list.platforms')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ campaign, sent, late, platformIds }) => (
                <tr key={campaign.id} data-testid="campaigns-row" data-status={campaign.status}>
                  <th scope="row">
                    <button type="button" className="kit-link-button" onClick={() => go({ screen: 'campaign', campaignId: campaign.id })}>
                      {campaign.name}
                    </button>
                  </th>
                  <td>
                    <span className={`cp-status cp-status-${campaign.status}`}>{t(`status.${campaign.status}`)}</span>
                  </td>
                  <td>{formatDateTime(campaign.startedAt, i18n.language)}</td>
                  <td>{sent}</td>
                  <td className={late > 0 ? 'cp-late' : undefined}>{late}</td>
                  <td className="cp-platforms">
                    {platformIds
                      .map((id) => platforms.get(id)?.name ?? id)
                      .sort((a, b) => a.localeCompare(b, i18n.language))
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
