import { featureTexts } from '../../i18n/i18n';
import { createEn } from './texts-en';
import { createFr } from './texts-fr';

export const createTexts = featureTexts('create', createFr, createEn);
