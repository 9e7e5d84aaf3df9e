import type { FeatureTexts } from '../../i18n/i18n';

export const alertsTexts: FeatureTexts = { namespace: 'alerts', fr: {}, en: {} };
