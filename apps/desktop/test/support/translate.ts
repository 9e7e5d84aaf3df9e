import i18next from 'i18next';
import { FEATURE_TEXTS } from '../../src/renderer/src/app/features';
import { translateWith, type Translate } from '../../src/renderer/src/features/common/refusal-wording';

/**
 * The app's own texts in one language, with no fallback to the other: a text missing in
 * English comes back as its key, so a test sees it.
 */
export async function translator(language: 'fr' | 'en'): Promise<Translate> {
  const instance = i18next.createInstance();
  const resources = { [language]: Object.fromEntries(FEATURE_TEXTS.map((feature) => [feature.namespace, feature[language]])) };
  await instance.init({ resources, lng: language, fallbackLng: false, defaultNS: 'common', interpolation: { escapeValue: false } });
  return translateWith(instance.getFixedT(language));
}
