import type { FeatureTexts } from '../../i18n/i18n';

export const createTexts: FeatureTexts = { namespace: 'create', fr: {}, en: {} };
