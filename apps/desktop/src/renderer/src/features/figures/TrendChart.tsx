import { formatDuration } from '@contact-desk/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { figureLanguage } from '../common/format';
import { chartPoints, highestOf, linePath, type ChartBox, type TrendMeasure, type TrendWeek } from './trend-model';

const BOX: ChartBox = { width: 520, height: 210, left: 70, right: 24, top: 18, bottom: 34 };

/** Week labels kept legible: every week up to 12, then one in `step`. */
function labelStep(count: number): number {
  return Math.max(1, Math.ceil(count / 12));
}

/**
 * One weekly median as a line over the period's ISO weeks (gaps where no request was created),
 * scaled from 0 to its highest week. An image for assistive technology, with every value in its
 * description; the panel's data table holds the same values.
 */
export function TrendChart({ weeks, measure, platformName }: { weeks: readonly TrendWeek[]; measure: TrendMeasure; platformName: string }) {
  const { t, i18n } = useTranslation('figures');
  const language = figureLanguage(i18n.language);
  const id = useId();
  const points = chartPoints(weeks, measure, BOX);
  const highest = highestOf(weeks, measure);
  const label = t(`trend.${measure}`);
  const values = weeks.map(
    ({ week, figures }) => `${week} ${figures?.[measure] === undefined ? t('trend.noValue') : formatDuration(figures[measure], language)}`,
  );
  const summary = `${t('trend.summary', { measure: label, platform: platformName, values: values.join(', ') })}${highest === undefined ? '' : ` ${t('trend.scale', { value: formatDuration(highest, language) })}.`}`;
  const bottom = BOX.height - BOX.bottom;
  const step = labelStep(points.length);
  return (
    <figure className="fg-chart">
      <figcaption className="fg-chart-title">{label}</figcaption>
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid={`trend-${measure}`}
      >
        <title id={`${id}-title`}>{`${label} — ${platformName}`}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line className="fg-axis" x1={BOX.left} x2={BOX.width - BOX.right} y1={bottom} y2={bottom} />
        <line className="fg-grid" x1={BOX.left} x2={BOX.width - BOX.right} y1={BOX.top} y2={BOX.top} />
        <text className="fg-tick" x={BOX.left - 8} y={bottom} textAnchor="end" dominantBaseline="middle">
          {formatDuration(0, language)}
        </text>
        {highest !== undefined && (
          <text className="fg-tick" x={BOX.left - 8} y={BOX.top} textAnchor="end" dominantBaseline="middle">
            {formatDuration(highest, language)}
          </text>
        )}
        {points.map((point, index) =>
          index % step === 0 || index === points.length - 1 ? (
            <text key={point.week} className="fg-tick" x={point.x} y={bottom + 18} textAnchor="middle">
              {point.week.slice(5)}
            </text>
          ) : null,
        )}
        <path className={`fg-line fg-line-${measure}`} d={linePath(points)} />
        {points.map((point) =>
          point.y === undefined ? null : (
            <circle key={point.week} className={`fg-dot fg-line-${measure}`} cx={point.x} cy={point.y} r={4} />
          ),
        )}
      </svg>
    </figure>
  );
}
