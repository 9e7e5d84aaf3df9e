import { ALL_PLATFORMS, campaignCourse, campaignFigures, campaignRequests } from '@contact-desk/shared';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDesk } from '../../state/desk-store';
import { formatDateTime } from '../common/format';
import { useRelayNow } from '../common/use-relay-now';
import { CampaignActions } from './CampaignActions';
import { CampaignHeader } from './CampaignHeader';
import { CampaignReport } from './CampaignReport';
import { CampaignTable } from './CampaignTable';
import { shownRows } from './campaign-model';
import { CourseChart } from './CourseChart';
import '../../styles/kit.css';
import '../../styles/campaigns.css';

/**
 * One campaign, live: per platform what was sent under it, received, acknowledged, answered and
 * late (the shared figures, as of the relay's estimated time), and its course as a chart. A
 * liaison's device holds their own platform's requests only, so they see their own row.
 */
export function CampaignScreen({ campaignId }: { campaignId: string }) {
  const { t, i18n } = useTranslation('campaigns');
  const campaign = useDesk((state) => state.view.campaigns.get(campaignId));
  const requests = useDesk((state) => state.view.requests);
  const platforms = useDesk((state) => state.view.platforms);
  const go = useNavigation((state) => state.go);
  const now = useRelayNow(15_000);
  const own = useMemo(() => campaignRequests(requests.values(), campaignId), [requests, campaignId]);
  const figures = useMemo(() => shownRows(campaignFigures(own, campaignId, now)), [own, campaignId, now]);
  const course = useMemo(() => campaignCourse(own, now), [own, now]);
  const nameOf = useCallback((id: string) => (id === ALL_PLATFORMS ? t('table.total') : (platforms.get(id)?.name ?? id)), [platforms, t]);

  return (
    <div className="kit-screen cp-screen" data-testid="campaign-screen">
      <button type="button" className="kit-link-button cp-back" onClick={() => go({ screen: 'campaigns' })}>
        {t('screen.back')}
      </button>
      {!campaign ? (
        <p className="kit-muted" data-testid="campaign-unknown">
          {t('screen.notFound')}
        </p>
      ) : (
        <>
          <div className="cp-head">
            <CampaignHeader campaign={campaign} />
            <CampaignActions campaign={campaign} />
          </div>
          <section className="kit-panel">
            <div className="cp-live-row">
              <p className="kit-hint cp-live">{t('screen.live', { time: formatDateTime(now, i18n.language) })}</p>
              <CampaignReport campaign={campaign} />
            </div>
            {own.length === 0 ? (
              <p className="kit-muted" data-testid="campaign-empty">
                {t('screen.noRequests')}
              </p>
            ) : (
              <>
                <CampaignTable rows={figures} nameOf={nameOf} />
                <p className="kit-hint">{t('table.hint')}</p>
              </>
            )}
          </section>
          {own.length > 0 && (
            <section className="kit-panel">
              <CourseChart points={course} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
