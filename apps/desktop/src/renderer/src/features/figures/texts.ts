import type { FeatureTexts } from '../../i18n/i18n';
import { figuresEn } from './texts-en';
import { figuresFr } from './texts-fr';

export const figuresTexts: FeatureTexts = { namespace: 'figures', fr: figuresFr, en: figuresEn };
