import { featureTexts } from '../../i18n/i18n';

export const alertsTexts = featureTexts(
  'alerts',
  {
    p0Title: 'Demande P0 : {{ref}}',
    p0Body: '{{platform}} — {{kind}}, {{category}}. Accusé attendu sous {{minutes}} min.',
    deadlineTitle_ack: 'Accusé à rendre : {{ref}}',
    deadlineTitle_action: 'Action à rendre : {{ref}}',
    deadlineBody: '{{platform}} — échéance dans {{duration}} ({{time}}).',
    notice: {
      unknownRequest: 'une demande',
      deadlineMissed: {
        title: 'Échéance dépassée : {{ref}}',
        body_ack: '{{platform}} — l’accusé de réception était dû à {{time}}.',
        body_action: '{{platform}} — l’action était due à {{time}}.',
      },
      escalated: {
        title: 'Escalade au niveau {{level}} : {{ref}}',
        body: '{{platform}} — personne n’est désigné au niveau {{level}}.',
        bodyNamed: '{{platform}} — désormais appelé : {{names}}.',
      },
      deliveryAbandoned: {
        title: 'Message non remis : {{ref}}',
        body: '{{channel}} à {{recipient}} abandonné après {{attempts}} essai(s) — {{detail}}.',
      },
      why: {
        named: 'Vous êtes désigné à ce niveau',
        owner: 'Vous traitez cette demande',
        platform: 'Demande de votre plateforme',
        prefect: 'Pour le préfet',
      },
      more_one: 'et {{count}} autre alerte dans le centre de notifications',
      more_other: 'et {{count}} autres alertes dans le centre de notifications',
      moreTitle: 'Contact Desk',
    },
  },
  {
    p0Title: 'P0 request: {{ref}}',
    p0Body: '{{platform}} — {{kind}}, {{category}}. Acknowledgement due within {{minutes}} min.',
    deadlineTitle_ack: 'Acknowledgement due: {{ref}}',
    deadlineTitle_action: 'Action due: {{ref}}',
    deadlineBody: '{{platform}} — deadline in {{duration}} ({{time}}).',
    notice: {
      unknownRequest: 'a request',
      deadlineMissed: {
        title: 'Deadline missed: {{ref}}',
        body_ack: '{{platform}} — the acknowledgement was due at {{time}}.',
        body_action: '{{platform}} — the action was due at {{time}}.',
      },
      escalated: {
        title: 'Escalated to level {{level}}: {{ref}}',
        body: '{{platform}} — nobody is named at level {{level}}.',
        bodyNamed: '{{platform}} — now called: {{names}}.',
      },
      deliveryAbandoned: {
        title: 'Message not delivered: {{ref}}',
        body: '{{channel}} to {{recipient}} given up after {{attempts}} attempt(s) — {{detail}}.',
      },
      why: {
        named: 'You are named at this level',
        owner: 'You handle this request',
        platform: 'A request of your platform',
        prefect: 'For the prefect',
      },
      more_one: 'and {{count}} more alert in the notification centre',
      more_other: 'and {{count}} more alerts in the notification centre',
      moreTitle: 'Contact Desk',
    },
  },
);
