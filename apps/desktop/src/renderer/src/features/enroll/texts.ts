import type { FeatureTexts } from '../../i18n/i18n';

export const enrollTexts: FeatureTexts = { namespace: 'enroll', fr: {}, en: {} };
