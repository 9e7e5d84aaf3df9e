import type { FeatureTexts } from '../../i18n/i18n';

export const shellTexts: FeatureTexts = { namespace: 'shell', fr: {}, en: {} };
