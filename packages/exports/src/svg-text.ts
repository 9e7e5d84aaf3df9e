import { wrapText } from './wrap-text.js';

/** Text helpers of the charts' SVG: escaping, a safe width estimate and wrapping. */

export const FONT = 'font-family="Roboto, Helvetica, Arial, sans-serif"';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Width of a text in SVG units at a font size: 0.62 em a character, wider than Roboto's
 * average (about 0.5 em) and its capitals, so that a label laid out with it is never wider
 * in the PDF, in a browser or in LibreOffice than the room it was given.
 */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.62;
}

/** A name on as many lines as it needs within `maxWidth`, never cut. */
export function wrapLabel(text: string, maxWidth: number, fontSize: number): string[] {
  return wrapText(text, { maxWidth, maxLines: 12, measure: (part) => textWidth(part, fontSize) });
}

/** An SVG `<text>` of one or several lines (`tspan`s), `y` being the first line's baseline. */
export function svgText(
  lines: readonly string[],
  x: number,
  y: number,
  attributes: { size: number; fill: string; anchor?: 'start' | 'middle' | 'end'; extra?: string },
): string {
  const lineHeight = attributes.size * 1.2;
  const spans = lines.map((line, i) => `<tspan x="${x}" y="${(y + i * lineHeight).toFixed(1)}">${escapeXml(line)}</tspan>`).join('');
  return `<text font-size="${attributes.size}" text-anchor="${attributes.anchor ?? 'start'}" fill="${attributes.fill}" ${attributes.extra ?? ''} ${FONT}>${spans}</text>`;
}

/** A "nice" axis for durations (ms): a step of a whole number of minutes, hours or days, and its end. */
export function niceDurationAxis(max: number): { max: number; step: number } {
  const steps = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 7200, 14400].map((m) => m * 60_000);
  for (const step of steps) if (max <= step * 5) return { max: Math.max(step, Math.ceil(max / step) * step), step };
  const step = Math.ceil(max / 5 / 86_400_000) * 86_400_000;
  return { max: Math.ceil(max / step) * step, step };
}
