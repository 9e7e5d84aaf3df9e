import type { FeatureTexts } from '../../i18n/i18n';

export const alertsTexts: FeatureTexts = {
  namespace: 'alerts',
  fr: {
    p0Title: 'Demande P0 : {{ref}}',
    p0Body: '{{platform}} — {{kind}}, {{category}}. Accusé attendu sous {{minutes}} min.',
    deadlineTitle_ack: 'Accusé à rendre : {{ref}}',
    deadlineTitle_action: 'Action à rendre : {{ref}}',
    deadlineBody: '{{platform}} — échéance dans {{duration}} ({{time}}).',
  },
  en: {
    p0Title: 'P0 request: {{ref}}',
    p0Body: '{{platform}} — {{kind}}, {{category}}. Acknowledgement due within {{minutes}} min.',
    deadlineTitle_ack: 'Acknowledgement due: {{ref}}',
    deadlineTitle_action: 'Action due: {{ref}}',
    deadlineBody: '{{platform}} — deadline in {{duration}} ({{time}}).',
  },
};
