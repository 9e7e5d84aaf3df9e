import { CANNOT_EXECUTE_GROUNDS, ITEM_OUTCOMES, type ImportRefusal } from '@contact-desk/shared';
import type { Translate } from '../common/refusal-wording';

/** The outcomes and the grounds in the user's words, as a file may write them. */
export function outcomeList(t: Translate): string {
  return ITEM_OUTCOMES.map((outcome) => t(`common:outcome.${outcome}`)).join(', ');
}

export function groundList(t: Translate): string {
  return CANNOT_EXECUTE_GROUNDS.map((ground) => t(`common:ground.${ground}`)).join(', ');
}

/** A column's name in the user's words; the whole file's for a refusal of the file. */
export function columnWord(refusal: ImportRefusal, t: Translate): string {
  return refusal.column === null ? '' : t(`outcomes:column.${refusal.column}`);
}

/** Why a row, or the file, is refused, in the user's words. */
export function refusalWords(refusal: ImportRefusal, t: Translate): string {
  const k = 'outcomes:problem';
  switch (refusal.problem) {
    case 'too_large':
      return t(`${k}.too_large`, { limit: t('outcomes:size', { count: Math.floor((refusal.limit ?? 0) / (1024 * 1024)) }) });
    case 'missing':
      return t(`${k}.missing.${refusal.column ?? 'ref'}`);
    case 'missing_column':
      return refusal.column === 'location' ? t(`${k}.missing_item_column`) : t(`${k}.missing_column`, { column: columnWord(refusal, t) });
    case 'not_answerable':
      return t(`${k}.not_answerable`, { status: t(`common:status.${refusal.status ?? 'closed'}`) });
    case 'bad_outcome':
      return t(`${k}.bad_outcome`, { list: outcomeList(t) });
    case 'bad_ground':
      return t(`${k}.bad_ground`, { list: groundList(t) });
    default:
      return t(`${k}.${refusal.problem}`, { limit: refusal.limit, otherRow: refusal.otherRow, value: refusal.value });
  }
}
