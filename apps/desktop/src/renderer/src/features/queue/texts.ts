import type { FeatureTexts } from '../../i18n/i18n';
import { queueEn } from './texts-en';
import { queueFr } from './texts-fr';

export const queueTexts: FeatureTexts = { namespace: 'queue', fr: queueFr, en: queueEn };
