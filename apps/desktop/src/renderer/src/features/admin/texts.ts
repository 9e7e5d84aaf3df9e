import type { FeatureTexts } from '../../i18n/i18n';

export const adminTexts: FeatureTexts = { namespace: 'admin', fr: {}, en: {} };
