import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A tree of texts: each leaf one string, `{{placeholders}}` and plural suffixes (`_one`, `_other`) included. */
export interface TextTree {
  readonly [key: string]: string | TextTree;
}

/** Each feature brings its own texts, in both languages, under its own namespace. */
export interface FeatureTexts<Namespace extends string = string, Texts extends TextTree = TextTree> {
  readonly namespace: Namespace;
  readonly fr: Texts;
  readonly en: Texts;
}

/**
 * A feature's texts: the French is the typed source, the English must have exactly its keys (a
 * missing or extra key does not compile). The French shape also types `t()` (i18next.d.ts).
 */
export function featureTexts<const Namespace extends string, Texts extends TextTree>(
  namespace: Namespace,
  fr: Texts,
  en: NoInfer<Texts>,
): FeatureTexts<Namespace, Texts> {
  return { namespace, fr, en };
}

/** Part of a feature's texts kept in a file of its own, held to the same French/English parity. */
export function textPair<Texts extends TextTree>(fr: Texts, en: NoInfer<Texts>): { readonly fr: Texts; readonly en: Texts } {
  return { fr, en };
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
