import { featureTexts } from '../../i18n/i18n';
import { queueEn } from './texts-en';
import { queueFr } from './texts-fr';

export const queueTexts = featureTexts('queue', queueFr, queueEn);
