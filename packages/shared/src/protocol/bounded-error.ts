import type { z } from 'zod';
import { protocolError, type ProtocolError } from './errors.js';

/**
 * The bound of every schema answer, whatever was sent: at most `issues` issues, each path and
 * message at most `textChars` characters, the whole error at most `bytes` bytes of JSON, and
 * `details.omitted` counting the issues left out. A push shares `pushBytes` among its mutations'
 * errors, so a push of 100 broken mutations is answered in about that much.
 */
export const ANSWER_BOUNDS = { issues: 20, textChars: 200, bytes: 8192, pushBytes: 65_536 } as const;

/** Room kept in an error's byte budget for its code, message and the count left out. */
const ENVELOPE_BYTES = 2 * ANSWER_BOUNDS.textChars * 3 + 64;

/** UTF-8 length of a text (this package stays free of platform APIs such as TextEncoder). */
function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** A text cut to `max` characters, an ellipsis marking the cut; never ends on half a surrogate pair. */
export function clip(text: string, max: number = ANSWER_BOUNDS.textChars): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** An issue's path, joined, read only as far as the bound: a path of a million segments costs no more. */
function pathOf(path: readonly PropertyKey[], max: number): string {
  let joined = '';
  for (const segment of path) {
    joined += (joined === '' ? '' : '.') + String(segment).slice(0, max + 1);
    if (joined.length > max) break;
  }
  return clip(joined, max);
}

/** Turns zod issues into a short, readable, typed error, within `maxBytes` (see ANSWER_BOUNDS). */
export function invalidPayload(error: z.ZodError, what: string, maxBytes: number = ANSWER_BOUNDS.bytes): ProtocolError {
  const textChars = Math.max(16, Math.min(ANSWER_BOUNDS.textChars, Math.floor((maxBytes - 64) / 6)));
  const budget = Math.max(0, maxBytes - Math.min(ENVELOPE_BYTES, Math.floor(maxBytes / 2)));
  const issues: { path: string; message: string }[] = [];
  let used = 0;
  for (const issue of error.issues.slice(0, ANSWER_BOUNDS.issues)) {
    const entry = { path: pathOf(issue.path, textChars), message: clip(issue.message, textChars) };
    const size = byteLength(JSON.stringify(entry)) + 1;
    // The first issue always goes in: it is the one the message names.
    if (issues.length > 0 && used + size > budget) break;
    issues.push(entry);
    used += size;
  }
  const first = issues[0];
  const where = first && first.path !== '' ? ` at ${first.path}` : '';
  const message = clip(`Invalid ${clip(what, 80)}${where}: ${first?.message ?? 'malformed'}.`, textChars);
  const omitted = error.issues.length - issues.length;
  return protocolError('invalid_payload', message, omitted > 0 ? { issues, omitted } : { issues });
}
