import { featureTexts } from '../../i18n/i18n';
import { outcomesEn } from './texts-en';
import { outcomesFr } from './texts-fr';

export const outcomesTexts = featureTexts('outcomes', outcomesFr, outcomesEn);
