import { formatDuration, type Period, type Request } from '@contact-desk/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OptionSelect } from '../common/OptionSelect';
import { TableHeader } from '../common/TableHeader';
import { figureLanguage } from '../common/format';
import type { PlatformName } from './figures-model';
import { TrendChart } from './TrendChart';
import { TREND_MEASURES, trendOf } from './trend-model';

/**
 * The weekly medians of one platform (a choice of platform for the ministry), as two charts — the
 * times to acknowledge and to answer differ by an order of magnitude — and as a table.
 */
export function TrendPanel({
  requests,
  platforms,
  period,
  at,
  zone,
  weeks,
}: {
  requests: readonly Request[];
  platforms: readonly PlatformName[];
  period: Period;
  at: number;
  zone: string;
  weeks: readonly string[];
}) {
  const { t, i18n } = useTranslation('figures');
  const language = figureLanguage(i18n.language);
  const [chosen, setChosen] = useState<string | null>(null);
  const platform = platforms.find((candidate) => candidate.id === chosen) ?? platforms[0];
  const trend = useMemo(
    () => (platform ? trendOf(requests, period, at, zone, weeks, platform.id) : []),
    [requests, period, at, zone, weeks, platform],
  );
  if (!platform) return null;
  return (
    <section className="kit-panel fg-trend" aria-labelledby="fg-trend-title" data-testid="figures-trend" data-platform={platform.id}>
      <div className="fg-trend-head">
        <h2 id="fg-trend-title" className="kit-panel-title">
          {t('trend.title')}
        </h2>
        {platforms.length > 1 && (
          <label className="fg-trend-platform">
            {t('trend.platform')}
            <OptionSelect
              values={platforms.map((candidate) => candidate.id)}
              value={platform.id}
              label={(id) => platforms.find((candidate) => candidate.id === id)?.name ?? id}
              onChange={setChosen}
              data-testid="figures-trend-platform"
            />
          </label>
        )}
      </div>
      {trend.every((week) => week.figures === undefined) ? (
        <p className="kit-muted">{t('trend.empty', { platform: platform.name })}</p>
      ) : (
        <div className="fg-charts">
          {TREND_MEASURES.map((measure) => (
            <TrendChart key={measure} weeks={trend} measure={measure} platformName={platform.name} />
          ))}
        </div>
      )}
      <details className="fg-trend-data">
        <summary>{t('trend.data')}</summary>
        <table className="kit-table fg-list" data-testid="figures-trend-table">
          <TableHeader
            columns={[
              { label: t('trend.week') },
              { label: t('trend.requests') },
              ...TREND_MEASURES.map((measure) => ({ label: t(`trend.${measure}`) })),
            ]}
          />
          <tbody>
            {trend.map(({ week, figures }) => (
              <tr key={week}>
                <th scope="row">{week}</th>
                <td>{figures?.created ?? 0}</td>
                {TREND_MEASURES.map((measure) => (
                  <td key={measure}>{formatDuration(figures?.[measure], language)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
