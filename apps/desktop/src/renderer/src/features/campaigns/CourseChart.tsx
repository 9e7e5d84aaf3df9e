import type { CampaignPoint } from '@contact-desk/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatTime } from '../common/format';

const BOX = { width: 640, height: 220, left: 48, right: 16, top: 16, bottom: 30 };
const LINES = ['sent', 'acknowledged', 'answered'] as const;

/** x and y of a point of the course, scaled into the box. */
function scale(points: readonly CampaignPoint[]) {
  const first = points[0]?.at ?? 0;
  const last = points.at(-1)?.at ?? first;
  const highest = Math.max(1, ...points.map((point) => point.sent));
  const x = (at: number) => BOX.left + ((at - first) / Math.max(1, last - first)) * (BOX.width - BOX.left - BOX.right);
  const y = (count: number) => BOX.height - BOX.bottom - (count / highest) * (BOX.height - BOX.top - BOX.bottom);
  return { x, y, highest, first, last };
}

/**
 * The campaign's course: requests sent, acknowledged and answered so far, as three lines from its
 * first request to now. An image for assistive technology, its last values in the description.
 */
export function CourseChart({ points }: { points: readonly CampaignPoint[] }) {
  const { t, i18n } = useTranslation('campaigns');
  const id = useId();
  const { x, y, highest, first, last } = scale(points);
  const end = points.at(-1);
  const bottom = BOX.height - BOX.bottom;
  const sameDay = new Date(first).toDateString() === new Date(last).toDateString();
  const tick = (at: number) => (sameDay ? formatTime(at, i18n.language) : formatDateTime(at, i18n.language));
  return (
    <figure className="cp-chart">
      <figcaption className="cp-chart-title">
        {t('chart.title')}
        <span className="cp-legend">
          {LINES.map((line) => (
            <span key={line} className={`cp-key cp-line-${line}`}>
              {t(`chart.${line}`)}
            </span>
          ))}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid="campaign-chart">
        <title id={`${id}-title`}>{t('chart.title')}</title>
        <desc id={`${id}-desc`}>
          {end
            ? t('chart.summary', {
                sent: end.sent,
                acknowledged: end.acknowledged,
                answered: end.answered,
                time: formatDateTime(end.at, i18n.language),
              })
            : ''}
        </desc>
        <line className="cp-axis" x1={BOX.left} x2={BOX.width - BOX.right} y1={bottom} y2={bottom} />
        <line className="cp-grid" x1={BOX.left} x2={BOX.width - BOX.right} y1={BOX.top} y2={BOX.top} />
        <text className="cp-tick" x={BOX.left - 6} y={bottom} textAnchor="end" dominantBaseline="middle">
          0
        </text>
        <text className="cp-tick" x={BOX.left - 6} y={BOX.top} textAnchor="end" dominantBaseline="middle">
          {highest}
        </text>
        <text className="cp-tick" x={BOX.left} y={bottom + 18} textAnchor="start">
          {tick(first)}
        </text>
        <text className="cp-tick" x={BOX.width - BOX.right} y={bottom + 18} textAnchor="end">
          {tick(last)}
        </text>
        {LINES.map((line) => (
          <polyline
            key={line}
            className={`cp-line cp-line-${line}`}
            points={points.map((point) => `${x(point.at).toFixed(1)},${y(point[line]).toFixed(1)}`).join(' ')}
          />
        ))}
      </svg>
    </figure>
  );
}
