import type { FeatureTexts } from '../../i18n/i18n';
import { outcomesEn } from './texts-en';
import { outcomesFr } from './texts-fr';

export const outcomesTexts: FeatureTexts = { namespace: 'outcomes', fr: outcomesFr, en: outcomesEn };
