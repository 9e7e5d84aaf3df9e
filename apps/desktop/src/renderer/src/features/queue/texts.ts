import type { FeatureTexts } from '../../i18n/i18n';

export const queueTexts: FeatureTexts = { namespace: 'queue', fr: {}, en: {} };
