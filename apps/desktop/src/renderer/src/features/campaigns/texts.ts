import type { FeatureTexts } from '../../i18n/i18n';

export const campaignsTexts: FeatureTexts = {
  namespace: 'campaigns',
  fr: {
    select: {
      none: 'Aucune campagne',
      closed: '{{name}} (close)',
      hint: 'Les demandes d’une même crise, suivies ensemble. Une campagne est ouverte par le ministère.',
      tighter: 'Délais resserrés : {{terms}}',
    },
  },
  en: {
    select: {
      none: 'No campaign',
      closed: '{{name}} (closed)',
      hint: 'The requests of one crisis, followed together. Campaigns are started by the ministry.',
      tighter: 'Tighter terms: {{terms}}',
    },
  },
};
