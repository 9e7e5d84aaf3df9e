import { LIMITS } from '@contact-desk/shared';
import type { PastePlan } from './paste-plan';
import type { RequestFields } from './send-model';
import type { Translate } from '../common/refusal-wording';

export type CreateErrors = Partial<Record<'grounds' | 'items' | 'pharosRef' | 'retention' | 'undecided' | 'confirm', string>>;

/**
 * What keeps a sending from going, field by field, in the user's words: the fields every
 * request shares, an empty plan, an item too long, items of no known platform not yet given
 * one nor left out, items already on an open request sent without confirmation. `longestNote`
 * is the part note the longest grounds will carry.
 */
export function validateSending(
  fields: RequestFields,
  plan: PastePlan,
  confirmOpen: boolean,
  longestNote: string,
  t: Translate,
): CreateErrors {
  const found: CreateErrors = {};
  const grounds = fields.grounds.trim();
  const noteLength = longestNote ? longestNote.length + 2 : 0;
  if (grounds === '') found.grounds = t('errors.required');
  else if (grounds.length + noteLength > LIMITS.groundsLength)
    found.grounds = t('errors.tooLong', { max: LIMITS.groundsLength - noteLength });
  if (fields.pharosRef.trim().length > LIMITS.shortTextLength) found.pharosRef = t('errors.tooLong', { max: LIMITS.shortTextLength });
  if (fields.kind === 'preservation' && !fields.retention) found.retention = t('errors.retention');
  const items = plan.requests.flatMap((request) => request.items);
  if (items.length === 0 && plan.undecided.length === 0) found.items = t('errors.noItems');
  else if (items.some((item) => item.length > LIMITS.locationLength))
    found.items = t('errors.locationTooLong', { max: LIMITS.locationLength });
  if (plan.undecided.length > 0) found.undecided = t('errors.undecided', { count: plan.undecided.length });
  if (plan.openKept.length > 0 && !confirmOpen) found.confirm = t('errors.confirm');
  return found;
}
