import { formatDuration, type Campaign } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { figureLanguage, formatDateTime } from '../common/format';

/** The campaign's name, state, dates and the terms it holds the platforms to. */
export function CampaignHeader({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation('campaigns');
  const language = figureLanguage(i18n.language);
  const date = (ms: number) => formatDateTime(ms, i18n.language);
  const terms = campaign.terms
    .map((term) =>
      t('screen.term', {
        label: term.label,
        ack: formatDuration(term.ackMinutes * 60_000, language),
        action: formatDuration(term.actionMinutes * 60_000, language),
      }),
    )
    .join(' · ');
  return (
    <div>
      <h1 data-testid="campaign-name-title">
        {campaign.name}{' '}
        <span className={`cp-status cp-status-${campaign.status}`} data-testid="campaign-status" data-status={campaign.status}>
          {t(`status.${campaign.status}`)}
        </span>
      </h1>
      <p className="kit-muted">
        {campaign.closedAt === null
          ? t('screen.openSince', { date: date(campaign.startedAt) })
          : t('screen.closedOn', { start: date(campaign.startedAt), end: date(campaign.closedAt) })}
      </p>
      <p className="cp-terms-line" data-testid="campaign-terms">
        {terms === '' ? t('screen.policyTerms') : t('screen.terms', { terms })}
      </p>
    </div>
  );
}
