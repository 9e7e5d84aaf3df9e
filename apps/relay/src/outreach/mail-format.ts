import { zoneOffsetMs } from '@contact-desk/shared';

/** A mail as stored in the outbox and sent: plain text and simple HTML, French then English. */
export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** One language's part of a mail: a headline, labelled lines, free paragraphs and a footer. */
export interface MailPart {
  readonly lang: 'fr' | 'en';
  readonly headline: string;
  readonly fields: readonly (readonly [label: string, value: string])[];
  /** Longer content (grounds, locations), only where the platform asked for full detail. */
  readonly blocks: readonly (readonly [label: string, lines: readonly string[]])[];
  readonly footer: string;
}

const PARIS = 'Europe/Paris';

function isoMinutes(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** A time as the desk's two readers want it: Paris wall time, then UTC. */
export function mailTime(ms: number, lang: 'fr' | 'en'): string {
  const paris = isoMinutes(ms + zoneOffsetMs(ms, PARIS));
  return lang === 'fr' ? `${paris} heure de Paris (${isoMinutes(ms)} UTC)` : `${paris} Paris time (${isoMinutes(ms)} UTC)`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function textPart(part: MailPart): string {
  const colon = part.lang === 'fr' ? ' :' : ':';
  const lines = [part.headline, '', ...part.fields.map(([label, value]) => `${label}${colon} ${value}`)];
  for (const [label, values] of part.blocks) lines.push('', `${label}${colon}`, ...values.map((value) => `  - ${value}`));
  lines.push('', part.footer);
  return lines.join('\n');
}

function htmlPart(part: MailPart): string {
  const rows = part.fields
    .map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  const blocks = part.blocks
    .map(
      ([label, values]) =>
        `<p><strong>${escapeHtml(label)}</strong></p><ul>${values.map((v) => `<li>${escapeHtml(v)}</li>`).join('')}</ul>`,
    )
    .join('');
  return `<div lang="${part.lang}"><h2>${escapeHtml(part.headline)}</h2><table>${rows}</table>${blocks}<p><small>${escapeHtml(part.footer)}</small></p></div>`;
}

/** The whole mail from its French and English parts. */
export function composeMail(subject: string, french: MailPart, english: MailPart): MailContent {
  return {
    subject,
    text: `${textPart(french)}\n\n---\n\n${textPart(english)}\n`,
    html: `<!doctype html><html><body>${htmlPart(french)}<hr>${htmlPart(english)}</body></html>`,
  };
}
