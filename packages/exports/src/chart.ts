import { ALL_PLATFORMS, ALL_PLATFORMS_NAME, formatDuration, inReaderOrder, type PlatformFigures } from '@contact-desk/shared';
import { COLORS } from './pdf-colors.js';
import { niceDurationAxis, svgText, textWidth, wrapLabel } from './svg-text.js';
import { textsFor, type Texts } from './texts/index.js';
import type { Language, PlatformRef } from './types.js';

export interface ChartOptions {
  readonly language: Language;
  /** Width of the drawing in SVG units (default 760). */
  readonly width?: number;
}

type Metric = 'ack' | 'answer';

interface Bar {
  readonly lines: readonly string[];
  readonly total: boolean;
  readonly median: number | undefined;
  readonly p90: number | undefined;
  readonly height: number;
}

const LABEL_SIZE = 9.5;
const VALUE_SIZE = 8.5;
/** A p90 further than this many times the largest median is drawn as "beyond the axis" (decision 0012). */
const P90_REACH = 2;

/**
 * The axis of a panel, linear from zero (decision 0012): up to a round value above the largest
 * median, and above every p90 that is at most twice that median; a longer p90 is marked beyond
 * the axis, its value written, so that one slow tail does not flatten every bar.
 */
export function durationAxis(bars: readonly { median: number | undefined; p90: number | undefined }[]): { max: number; step: number } {
  const medians = bars.flatMap((bar) => (bar.median === undefined ? [] : [bar.median]));
  const largest = Math.max(0, ...medians);
  const reach = largest > 0 ? largest * P90_REACH : Infinity;
  const p90s = bars.flatMap((bar) => (bar.p90 === undefined || bar.p90 > reach ? [] : [bar.p90]));
  return niceDurationAxis(Math.max(60_000, largest, ...p90s));
}

function valueLabel(bar: Bar, language: Language): string {
  if (bar.median === undefined) return '';
  return `${formatDuration(bar.median, language)} · p90 ${formatDuration(bar.p90, language)}`;
}

/** One panel — median bars, p90 whiskers, written values — `width` wide, from `top`. */
function panel(bars: readonly Bar[], metric: Metric, width: number, top: number, texts: Texts): { svg: string; height: number } {
  const language = texts.language;
  const color = metric === 'ack' ? COLORS.ack : COLORS.answer;
  const labelWidth = Math.min(200, width * 0.26);
  const valueWidth = Math.max(90, ...bars.map((bar) => textWidth(valueLabel(bar, language), VALUE_SIZE))) + 14;
  const plotX = labelWidth + 8;
  const plotWidth = width - plotX - valueWidth;
  const axis = durationAxis(bars);
  const scale = (v: number) => plotX + (Math.min(v, axis.max) / axis.max) * plotWidth;
  const plotTop = top + 24;
  const plotHeight = bars.reduce((sum, bar) => sum + bar.height, 0);
  const parts = [
    svgText([metric === 'ack' ? texts.figures.timeToAck : texts.figures.timeToAnswer], 0, top + 14, {
      size: 12,
      fill: COLORS.header,
      extra: 'font-weight="bold"',
    }),
  ];
  for (let v = 0; v <= axis.max; v += axis.step) {
    const x = scale(v);
    parts.push(
      `<line x1="${x}" y1="${plotTop}" x2="${x}" y2="${plotTop + plotHeight}" stroke="${COLORS.rule}" stroke-width="0.6"/>`,
      svgText([formatDuration(v, language)], x, plotTop + plotHeight + 11, { size: VALUE_SIZE, fill: COLORS.muted, anchor: 'middle' }),
    );
  }
  let y = plotTop;
  for (const bar of bars) {
    const middle = y + bar.height / 2;
    const firstBaseline = middle - ((bar.lines.length - 1) * LABEL_SIZE * 1.2) / 2 + LABEL_SIZE * 0.35;
    parts.push(svgText(bar.lines, 0, firstBaseline, { size: LABEL_SIZE, fill: COLORS.ink, extra: bar.total ? 'font-weight="bold"' : '' }));
    if (bar.median === undefined) {
      parts.push(
        svgText([texts.figures.noData], plotX + 4, middle + 3, { size: VALUE_SIZE, fill: COLORS.muted, extra: 'font-style="italic"' }),
      );
    } else {
      const end = Math.max(plotX + 1, scale(bar.median));
      parts.push(`<rect x="${plotX}" y="${middle - 6}" width="${end - plotX}" height="12" fill="${color}"/>`);
      let reached = end;
      if (bar.p90 !== undefined && bar.p90 > bar.median) {
        const beyond = bar.p90 > axis.max;
        const px = scale(bar.p90);
        parts.push(`<line x1="${end}" y1="${middle}" x2="${px}" y2="${middle}" stroke="${COLORS.ink}" stroke-width="0.8"/>`);
        parts.push(
          beyond
            ? `<path d="M${px} ${middle - 4} L${px + 6} ${middle} L${px} ${middle + 4} Z" fill="${COLORS.ink}"/>`
            : `<line x1="${px}" y1="${middle - 6}" x2="${px}" y2="${middle + 6}" stroke="${COLORS.ink}" stroke-width="1.6"/>`,
        );
        reached = px + (beyond ? 6 : 1);
      }
      parts.push(svgText([valueLabel(bar, language)], reached + 5, middle + 3, { size: VALUE_SIZE, fill: COLORS.ink }));
    }
    y += bar.height;
  }
  return { svg: parts.join(''), height: 24 + plotHeight + 16 };
}

/** The legend, its entries placed one after the other by their measured width, wrapping when needed. */
function legend(metrics: readonly Metric[], width: number, top: number, texts: Texts): { svg: string; height: number } {
  const entries: { mark: (x: number, y: number) => string; text: string }[] = [
    {
      mark: (x, y) =>
        metrics
          .map(
            (metric, i) =>
              `<rect x="${x + i * 12}" y="${y - 8}" width="10" height="8" fill="${metric === 'ack' ? COLORS.ack : COLORS.answer}"/>`,
          )
          .join(''),
      text: texts.figures.median,
    },
    {
      mark: (x, y) => `<line x1="${x + 4}" y1="${y - 9}" x2="${x + 4}" y2="${y + 1}" stroke="${COLORS.ink}" stroke-width="1.6"/>`,
      text: texts.figures.p90,
    },
    {
      mark: (x, y) => `<path d="M${x + 1} ${y - 8} L${x + 8} ${y - 4} L${x + 1} ${y} Z" fill="${COLORS.ink}"/>`,
      text: texts.figures.beyondAxis,
    },
  ];
  const parts: string[] = [];
  let x = 0;
  let y = top + 10;
  for (const entry of entries) {
    const markWidth = metrics.length * 12 + 4;
    const entryWidth = markWidth + textWidth(entry.text, VALUE_SIZE) + 16;
    if (x > 0 && x + entryWidth > width) {
      x = 0;
      y += 14;
    }
    parts.push(entry.mark(x, y), svgText([entry.text], x + markWidth, y, { size: VALUE_SIZE, fill: COLORS.muted }));
    x += entryWidth;
  }
  return { svg: parts.join(''), height: y - top + 6 };
}

/**
 * The bar chart of the figures as SVG text: for each platform, in a reader's order with the
 * all-platforms row last, the median time to acknowledge and to answer (or only `metric`'s) as
 * bars, the p90 as a whisker ending in a tick, both values written beside; whole platform names,
 * wrapped. A pure function, used both in the figures PDF and in the app.
 *
 * @param figures per-platform figures (from `platformFigures` of `@contact-desk/shared`)
 * @param platforms platform names by id
 * @param options language, width, and one metric when the panels are wanted apart
 * @returns an `<svg>` document
 */
export function figuresChartSvg(
  figures: readonly PlatformFigures[],
  platforms: ReadonlyMap<string, PlatformRef>,
  options: ChartOptions & { readonly metric?: Metric },
): string {
  const texts = textsFor(options.language);
  const width = options.width ?? 760;
  const name = (id: string) => (id === ALL_PLATFORMS ? ALL_PLATFORMS_NAME[options.language] : (platforms.get(id)?.name ?? id));
  const ordered = inReaderOrder(figures, options.language, name);
  const labelWidth = Math.min(200, width * 0.26);
  const metrics: Metric[] = options.metric ? [options.metric] : ['ack', 'answer'];
  const parts: string[] = [];
  let top = 0;
  for (const metric of metrics) {
    const bars = ordered.map((f): Bar => {
      const lines = wrapLabel(name(f.platformId), labelWidth, LABEL_SIZE);
      return {
        lines,
        total: f.platformId === ALL_PLATFORMS,
        median: metric === 'ack' ? f.medianTimeToAck : f.medianTimeToAnswer,
        p90: metric === 'ack' ? f.p90TimeToAck : f.p90TimeToAnswer,
        height: Math.max(22, lines.length * LABEL_SIZE * 1.2 + 8),
      };
    });
    const drawn = panel(bars, metric, width, top, texts);
    parts.push(drawn.svg);
    top += drawn.height + 8;
  }
  const key = legend(metrics, width, top, texts);
  const height = Math.ceil(top + key.height);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}${key.svg}</svg>`;
}
