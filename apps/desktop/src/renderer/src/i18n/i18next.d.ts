import type { FEATURE_TEXTS } from '../app/features';

type Feature = (typeof FEATURE_TEXTS)[number];

/** Every namespace's texts by name, typed by the French source of each feature. */
export type Resources = { readonly [F in Feature as F['namespace']]: F['fr'] };

// `t('queue:tabs.late')` and `useTranslation('queue')` are checked against the texts by tsc.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
