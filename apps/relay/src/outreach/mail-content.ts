import { ackDeadline, actionDeadline, mailDetailOf, type Request } from '@contact-desk/shared';
import { composeMail, mailTime, type MailContent, type MailPart } from './mail-format.js';
import type { Occasion } from './occasion.js';

type Lang = 'fr' | 'en';

const KINDS: Record<Request['kind'], Record<Lang, string>> = {
  removal: { fr: 'retrait', en: 'removal' },
  preservation: { fr: 'conservation', en: 'preservation' },
  information: { fr: 'information', en: 'information' },
  escalation: { fr: 'escalade', en: 'escalation' },
  blocking: { fr: 'blocage', en: 'blocking' },
  delisting: { fr: 'déréférencement', en: 'delisting' },
};

/** Who the recipient is for this request, by escalation level. */
const ROLES: readonly Record<Lang, string>[] = [
  { fr: 'correspondant de la plateforme', en: "the platform's liaison" },
  { fr: 'correspondant suppléant de la plateforme', en: "the platform's backup liaison" },
  { fr: 'responsable désigné par la plateforme', en: "the platform's manager contact" },
  { fr: 'préfet référent du ministère', en: "the ministry's prefect" },
];
const DUTY_ROLE: Record<Lang, string> = { fr: 'permanence du ministère', en: "the ministry's duty desk" };

function headline(occasion: Occasion, lang: Lang): string {
  const fr = lang === 'fr';
  const step = occasion.deadline?.step ?? 'ack';
  switch (occasion.trigger) {
    case 'created':
      return fr ? 'Nouvelle demande' : 'New request';
    case 'deadline_soon': {
      const minutes = Math.max(1, Math.round(((occasion.deadline?.at ?? occasion.at) - occasion.at) / 60_000));
      if (step === 'ack') return fr ? `Accusé de réception attendu dans ${minutes} min` : `Acknowledgement due in ${minutes} min`;
      return fr ? `Traitement attendu dans ${minutes} min` : `Action due in ${minutes} min`;
    }
    case 'deadline_missed':
      if (step === 'ack') return fr ? "Délai d'accusé de réception dépassé" : 'Acknowledgement deadline missed';
      return fr ? 'Délai de traitement dépassé' : 'Action deadline missed';
    default: {
      const role = ROLES[occasion.level]?.[lang] ?? '';
      return fr ? `Escalade au niveau ${occasion.level} (${role})` : `Escalated to level ${occasion.level} (${role})`;
    }
  }
}

function part(occasion: Occasion, lang: Lang, role: string, link: string | null): MailPart {
  const fr = lang === 'fr';
  const { request } = occasion;
  const action = actionDeadline(request, occasion.at);
  const fields: [string, string][] = [
    [fr ? 'Référence' : 'Reference', request.ref],
    [fr ? 'Priorité' : 'Priority', `${request.sla.label} — ${request.sla.name}`],
    [fr ? 'Plateforme' : 'Platform', occasion.platform?.name ?? request.platformId],
    [fr ? 'Type' : 'Kind', KINDS[request.kind][lang]],
    [fr ? 'Accusé de réception avant' : 'Acknowledge by', mailTime(ackDeadline(request), lang)],
  ];
  if (action !== null) fields.push([fr ? 'Traitement avant' : 'Act by', mailTime(action, lang)]);
  if (link) fields.push([fr ? 'Ouvrir dans Contact Desk' : 'Open in Contact Desk', link]);
  const full = occasion.platform && mailDetailOf(occasion.platform) === 'full';
  const blocks: [string, string[]][] = full
    ? [
        [fr ? 'Motifs' : 'Grounds', [request.grounds]],
        [fr ? 'Contenus' : 'Locations', request.items.map((item) => item.location)],
      ]
    : [];
  const footer = fr
    ? `Message automatique de Contact Desk : vous le recevez en tant que ${role} pour cette demande.`
    : `Automatic message from Contact Desk: you receive it as ${role} for this request.`;
  return { lang, headline: headline(occasion, lang), fields, blocks, footer };
}

/**
 * The mail about a request: reference, priority, platform, kind, deadlines (Paris and UTC) and a
 * link. Never the locations or the grounds, unless the platform chose `mailDetail: 'full'`.
 */
export function requestMail(occasion: Occasion, recipient: number | 'duty', link: string | null): MailContent {
  const role = (recipient === 'duty' ? undefined : ROLES[recipient]) ?? DUTY_ROLE;
  const { request } = occasion;
  const subject = `[${request.sla.label}] ${request.ref} · ${occasion.platform?.name ?? request.platformId} — ${headline(occasion, 'fr')} / ${headline(occasion, 'en')}`;
  return composeMail(subject, part(occasion, 'fr', role.fr, link), part(occasion, 'en', role.en, link));
}

/** What the duty desk is told when the relay gives up on a delivery. */
export interface AbandonedDelivery {
  readonly deliveryId: string;
  readonly channel: string;
  readonly recipient: string;
  readonly ref: string | null;
  readonly attempts: number;
  readonly firstAt: number;
  readonly lastDetail: string | null;
}

export function abandonedMail(delivery: AbandonedDelivery, link: string | null): MailContent {
  const subject = `[Contact Desk] ${delivery.ref ?? ''} — Message non remis / Message not delivered: ${delivery.recipient}`;
  const fields = (lang: Lang): [string, string][] => {
    const fr = lang === 'fr';
    const rows: [string, string][] = [
      [fr ? 'Destinataire' : 'Recipient', `${delivery.recipient} (${delivery.channel})`],
      [fr ? 'Demande' : 'Request', delivery.ref ?? '—'],
      [fr ? 'Tentatives' : 'Attempts', String(delivery.attempts)],
      [fr ? 'Première tentative' : 'First attempt', mailTime(delivery.firstAt, lang)],
      [fr ? 'Dernière réponse' : 'Last answer', delivery.lastDetail ?? '—'],
      [fr ? 'Identifiant' : 'Delivery id', delivery.deliveryId],
    ];
    if (link) rows.push([fr ? 'Ouvrir dans Contact Desk' : 'Open in Contact Desk', link]);
    return rows;
  };
  const footer = (lang: Lang) =>
    lang === 'fr'
      ? 'Contact Desk a renoncé à remettre ce message : prévenez le destinataire par un autre moyen.'
      : 'Contact Desk gave up delivering this message: reach the recipient another way.';
  return composeMail(
    subject,
    { lang: 'fr', headline: 'Message non remis', fields: fields('fr'), blocks: [], footer: footer('fr') },
    { lang: 'en', headline: 'Message not delivered', fields: fields('en'), blocks: [], footer: footer('en') },
  );
}
