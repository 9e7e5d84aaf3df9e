import { reasonOf, type ProtocolError } from '@contact-desk/shared';
import type { Namespace, TFunction } from 'i18next';

/**
 * How a screen translates: i18next's `t` (any namespace; keys here name theirs) or a stand-in.
 * `defaultValue` comes back when the key has no text.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A screen's typed `t` as the `Translate` of the wording models, which build their keys from data
 * (reasons, steps, fields, columns) that tsc cannot follow: the texts parity test and each model's
 * test read those keys against the real texts instead.
 */
export function translateWith<N extends Namespace>(t: TFunction<N>): Translate {
  return t as unknown as Translate;
}

type Details = Readonly<Record<string, unknown>>;

const K = 'common:refusals';

/** Entries of `common:refusals` that are words for parameters, not the sentence of a reason. */
const WORD_GROUPS: ReadonlySet<string> = new Set(['cannot', 'state', 'what', 'side', 'someone', 'actionItemState', 'code']);

function text(details: Details, name: string): string {
  const value = details[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** A word of a list under `common:refusals.<group>`, its `other` entry when the value is unknown. */
function wordOf(t: Translate, group: string, value: string): string {
  const key = value.replace(/ /g, '_');
  return t(`${K}.${group}.${key}`, { defaultValue: t(`${K}.${group}.other`) });
}

/** The parameters a reason's sentence needs, its raw details turned into the user's words. */
function paramsOf(reason: string, details: Details, t: Translate): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = String(value);
  }
  switch (reason) {
    case 'step_not_allowed':
      params.cannot = wordOf(t, 'cannot', text(details, 'step'));
      params.state = wordOf(t, 'state', text(details, 'status'));
      break;
    case 'not_visible':
      params.what = wordOf(t, 'what', text(details, 'what'));
      break;
    case 'role_may_not':
      params.role = t(`common:role.${text(details, 'role')}`, { defaultValue: text(details, 'role') });
      break;
    case 'owner_unchanged':
      params.name = text(details, 'name') || t(`${K}.someone`);
      break;
    case 'assignee_not_on_side':
      params.side = wordOf(t, 'side', text(details, 'side'));
      break;
    case 'action_item_unchanged':
      params.state = wordOf(t, 'actionItemState', text(details, 'status'));
      break;
    default:
      break;
  }
  return params;
}

/** The sentence for a refusal that names no reason (or one this app does not know yet). */
function codeSentence(error: ProtocolError, t: Translate): string {
  const details = error.details ?? {};
  if (error.code === 'invalid_payload') {
    const issues = Array.isArray(details.issues) ? (details.issues as { path?: unknown }[]) : [];
    const path = issues.find((issue) => typeof issue.path === 'string' && issue.path !== '')?.path;
    if (typeof path === 'string') return t(`${K}.code.invalid_payload_at`, { path });
  }
  if (error.code === 'rate_limited') {
    const after = typeof details.retryAfterMs === 'number' ? details.retryAfterMs : 2_000;
    return t(`${K}.code.rate_limited`, { seconds: Math.max(1, Math.ceil(after / 1000)) });
  }
  return t(`${K}.code.${error.code}`, { defaultValue: t(`${K}.code.other`, { code: error.code }) });
}

/**
 * A refusal in the user's language, as one sentence: the rule it broke (`details.reason`) worded
 * with its parameters, else what its code means. The relay's own `message` (English, for logs)
 * is never shown. Every screen that shows a refusal words it here.
 */
export function wordRefusal(error: ProtocolError, t: Translate): string {
  const reason = reasonOf(error);
  if (reason !== undefined && !WORD_GROUPS.has(reason) && /^[a-z_]+$/.test(reason)) {
    const sentence = t(`${K}.${reason}`, { ...paramsOf(reason, error.details ?? {}, t), defaultValue: '' });
    if (sentence !== '') return sentence;
  }
  return codeSentence(error, t);
}
