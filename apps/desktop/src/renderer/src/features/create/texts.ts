import type { FeatureTexts } from '../../i18n/i18n';
import { createEn } from './texts-en';
import { createFr } from './texts-fr';

export const createTexts: FeatureTexts = { namespace: 'create', fr: createFr, en: createEn };
