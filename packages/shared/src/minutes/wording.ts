import type { ActionItemStatus } from '../domain/meeting.js';
import type { FigureLanguage } from '../figures/format.js';

/**
 * The one wording of an action item's state, for the meetings screen and the minutes alike:
 * "Ouverte" on screen and "en cours" in the minutes was the same state said twice.
 */
export const ACTION_ITEM_STATE_WORDS: Readonly<Record<FigureLanguage, Readonly<Record<ActionItemStatus, string>>>> = {
  fr: { open: 'Ouverte', done: 'Faite', dropped: 'Abandonnée' },
  en: { open: 'Open', done: 'Done', dropped: 'Dropped' },
};

export function actionItemStateWord(status: ActionItemStatus, language: FigureLanguage): string {
  return ACTION_ITEM_STATE_WORDS[language][status];
}
