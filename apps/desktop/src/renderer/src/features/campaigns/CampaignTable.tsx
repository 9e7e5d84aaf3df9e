import { ALL_PLATFORMS, formatDuration, type PlatformFigures } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { figureLanguage } from '../common/format';
import type { campaignsTexts } from './texts';

/** The counts a campaign is followed by, left to right, and the median time to acknowledge. */
const COUNTS = ['created', 'withdrawn', 'received', 'acknowledged', 'answered', 'late', 'unanswered'] as const;
const HEADERS: Readonly<Record<(typeof COUNTS)[number], keyof (typeof campaignsTexts)['fr']['table']>> = {
  created: 'sent',
  withdrawn: 'withdrawn',
  received: 'received',
  acknowledged: 'acknowledged',
  answered: 'answered',
  late: 'late',
  unanswered: 'unanswered',
};

/** Per platform by name, all platforms last: what was sent, received, acknowledged, answered, late. */
export function CampaignTable({ rows, nameOf }: { rows: readonly PlatformFigures[]; nameOf: (platformId: string) => string }) {
  const { t, i18n } = useTranslation('campaigns');
  const language = figureLanguage(i18n.language);
  const ordered = [...rows].sort((a, b) =>
    a.platformId === ALL_PLATFORMS
      ? 1
      : b.platformId === ALL_PLATFORMS
        ? -1
        : nameOf(a.platformId).localeCompare(nameOf(b.platformId), i18n.language),
  );
  return (
    <div className="cp-table-wrap">
      <table className="cp-table" data-testid="campaign-table">
        <caption className="kit-visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.platform')}</th>
            {COUNTS.map((key) => (
              <th scope="col" key={key}>
                {t(`table.${HEADERS[key]}`)}
              </th>
            ))}
            <th scope="col">{t('table.ackMedian')}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((row) => (
            <tr
              key={row.platformId}
              className={row.platformId === ALL_PLATFORMS ? 'cp-total' : undefined}
              data-testid="campaign-row"
              data-platform={row.platformId}
            >
              <th scope="row">{row.platformId === ALL_PLATFORMS ? t('table.total') : nameOf(row.platformId)}</th>
              {COUNTS.map((key) => (
                <td key={key} data-testid={`campaign-${key}`} className={key === 'late' && row.late > 0 ? 'cp-late' : undefined}>
                  {row[key]}
                </td>
              ))}
              <td data-testid="campaign-ack-median">{formatDuration(row.medianTimeToAck, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
