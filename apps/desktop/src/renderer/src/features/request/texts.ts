import type { FeatureTexts } from '../../i18n/i18n';

export const requestTexts: FeatureTexts = { namespace: 'request', fr: {}, en: {} };
