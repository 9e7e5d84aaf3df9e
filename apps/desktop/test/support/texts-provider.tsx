import i18next, { type i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { FEATURE_TEXTS } from '../../src/renderer/src/app/features';

/** The app's texts in one language, for components rendered in a test (no fallback: a missing text shows as its key). */
export async function textsIn(language: 'fr' | 'en'): Promise<i18n> {
  const instance = i18next.createInstance();
  const resources = { [language]: Object.fromEntries(FEATURE_TEXTS.map((feature) => [feature.namespace, feature[language]])) };
  await instance
    .use(initReactI18next)
    .init({ resources, lng: language, fallbackLng: false, defaultNS: 'common', interpolation: { escapeValue: false } });
  return instance;
}

export function WithTexts({ texts, children }: { texts: i18n; children: ReactNode }) {
  return <I18nextProvider i18n={texts}>{children}</I18nextProvider>;
}
