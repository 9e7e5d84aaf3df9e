import { featureTexts } from '../../i18n/i18n';
import { figuresEn } from './texts-en';
import { figuresFr } from './texts-fr';

export const figuresTexts = featureTexts('figures', figuresFr, figuresEn);
