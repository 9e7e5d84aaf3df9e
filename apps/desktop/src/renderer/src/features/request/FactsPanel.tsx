import type { Request } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { campaignName } from '../campaigns/campaign-of';
import { formatDateTime } from '../common/format';

function Fact({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className="rq-fact">
      <dt>{label}</dt>
      <dd className={strong ? 'rq-strong' : undefined}>{value}</dd>
    </div>
  );
}

/** What the request is: platform, kind, legal basis, references, retention, who sent it, grounds. */
export function FactsPanel({ request }: { request: Request }) {
  const { t, i18n } = useTranslation(['request', 'common']);
  const platform = useDesk((state) => state.view.platforms.get(request.platformId));
  const creator = useDesk((state) => state.view.users.get(request.createdBy));
  const campaigns = useDesk((state) => state.view.campaigns);
  const none = t('header.none');
  return (
    <section className="kit-panel" aria-labelledby="rq-facts">
      <h2 id="rq-facts" className="kit-visually-hidden">
        {t('header.status')}
      </h2>
      <dl className="rq-facts">
        <Fact label={t('header.platform')} value={platform?.name ?? request.platformId} />
        <Fact label={t('header.kind')} value={t(`common:kind.${request.kind}`)} />
        <Fact label={t('header.category')} value={t(`common:category.${request.category}`)} />
        <Fact label={t('header.campaign')} value={campaignName(request, campaigns) ?? none} />
        <Fact label={t('header.pharosRef')} value={request.pharosRef ?? none} />
        {request.kind === 'preservation' || request.retentionUntil !== null ? (
          <Fact
            label={t('header.retentionUntil')}
            value={request.retentionUntil === null ? none : formatDateTime(request.retentionUntil, i18n.language, true)}
            strong
          />
        ) : null}
        {creator ? <Fact label={t('header.createdBy')} value={creator.name} /> : null}
      </dl>
      <h3 className="rq-label">{t('header.grounds')}</h3>
      <p className="rq-grounds">{request.grounds}</p>
    </section>
  );
}
