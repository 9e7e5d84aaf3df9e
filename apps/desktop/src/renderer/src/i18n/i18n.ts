import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each feature brings its own texts, in both languages, under its own namespace. */
export interface FeatureTexts {
  readonly namespace: string;
  readonly fr: Record<string, unknown>;
  readonly en: Record<string, unknown>;
}

const LANGUAGE_KEY = 'contact-desk-language';

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(LANGUAGE_KEY);
  return stored === 'en' || stored === 'fr' ? stored : 'fr';
}

/** French by default, English on demand; every text of the UI goes through here. */
export async function setupI18n(features: readonly FeatureTexts[]): Promise<typeof i18next> {
  const resources: Resource = { fr: {}, en: {} };
  for (const feature of features) {
    (resources.fr as Record<string, unknown>)[feature.namespace] = feature.fr;
    (resources.en as Record<string, unknown>)[feature.namespace] = feature.en;
  }
  await i18next.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    fallbackLng: 'fr',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
