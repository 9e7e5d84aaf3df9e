import { newId } from '@contact-desk/shared';
import { perform } from '../cli/admin-actions.js';
import type { RelayCore } from '../core/relay-core.js';
import type { DemoData } from './demo-data.js';
import type { DemoPeople } from './demo-people.js';

const DAY = 24 * 3_600_000;
const HOUR = 3_600_000;

/** The last meeting began two weeks ago, on the hour; its record is written during it. */
export function pastMeetingStart(now: number): number {
  return Math.floor((now - 14 * DAY) / HOUR) * HOUR;
}

/**
 * The last meeting of the contact group (held two weeks ago, with attendance, notes, decisions
 * and action items, some still open; its minutes adopted) and the next one, convened in three days.
 */
export async function seedMeetings(core: RelayCore, data: DemoData, people: DemoPeople, now: number): Promise<void> {
  const chair = people.prefect;
  const operator = people.operators[0] ?? chair;
  const platforms = data.platforms.map((platform) => platform.id);
  const past = newId();
  const startsAt = pastMeetingStart(now);
  await perform(
    core,
    'meeting.create',
    {
      meetingId: past,
      title: 'Groupe de contact permanent — réunion mensuelle',
      kind: 'regular',
      startsAt,
      place: 'Ministère de l’Intérieur, salle Beauvau',
      videoLink: null,
      invitedPlatformIds: platforms,
    },
    chair,
  );
  const absent = new Set(['dailymotion']);
  for (const platformId of platforms) {
    await perform(
      core,
      'meeting.setAttendance',
      {
        meetingId: past,
        party: { kind: 'platform', platformId },
        status: absent.has(platformId) ? 'absent' : platformId === 'fai' ? 'excused' : 'present',
        attendees:
          absent.has(platformId) || platformId === 'fai'
            ? []
            : (people.liaisons.get(platformId) ?? []).slice(0, 1).map((liaison) => liaison.user.name),
      },
      operator,
    );
  }
  await perform(
    core,
    'meeting.setAttendance',
    { meetingId: past, party: { kind: 'ministry', team: 'PHAROS' }, status: 'present', attendees: [operator.user.name] },
    operator,
  );
  const general = newId();
  await perform(
    core,
    'agenda.addItem',
    {
      itemId: general,
      meetingId: past,
      kind: 'free',
      title: 'Retour sur la vague de propagande de mars',
      notes: 'Les plateformes signalent une reprise des contenus sous des comptes miroirs ; la DGSI transmettra les empreintes.',
    },
    operator,
  );
  const xItem = newId();
  await perform(
    core,
    'agenda.addItem',
    {
      itemId: xItem,
      meetingId: past,
      kind: 'late_requests',
      title: 'X — demandes en retard et sans réponse',
      platformId: 'x',
      notes: 'X reconnaît des délais supérieurs à l’heure réglementaire la nuit ; une astreinte sera mise en place.',
    },
    operator,
  );
  await perform(
    core,
    'decision.add',
    {
      decisionId: newId(),
      meetingId: past,
      agendaItemId: general,
      text: 'Les empreintes des contenus de la vague de mars sont partagées avec toutes les plateformes.',
    },
    operator,
  );
  await perform(
    core,
    'decision.add',
    {
      decisionId: newId(),
      meetingId: past,
      agendaItemId: xItem,
      platformId: 'x',
      text: 'X présentera à la prochaine réunion son dispositif d’astreinte de nuit.',
    },
    operator,
  );
  const items: { text: string; owner: object; due: number; done?: boolean }[] = [
    { text: 'Présenter le dispositif d’astreinte de nuit', owner: { kind: 'platform', platformId: 'x' }, due: now + 3 * DAY },
    {
      text: 'Transmettre les empreintes des contenus de mars',
      owner: { kind: 'ministry', team: 'DGSI liaison' },
      due: now - 7 * DAY,
      done: true,
    },
    {
      text: 'Désigner un correspondant suppléant joignable la nuit',
      owner: { kind: 'platform', platformId: 'dailymotion' },
      due: now - 2 * DAY,
    },
    { text: 'Fournir le bilan trimestriel des retraits', owner: { kind: 'platform', platformId: 'meta' }, due: now + 10 * DAY },
  ];
  for (const item of items) {
    const actionItemId = newId();
    await perform(
      core,
      'actionItem.create',
      { actionItemId, meetingId: past, text: item.text, owner: item.owner, dueDate: item.due },
      operator,
    );
    if (item.done) await perform(core, 'actionItem.setStatus', { actionItemId, status: 'done', closedInMeetingId: past }, operator);
  }
  // The last meeting's minutes were adopted at its end; the next one's are still a draft.
  await perform(core, 'meeting.adopt', { meetingId: past, note: null }, chair);
  await perform(
    core,
    'meeting.create',
    {
      meetingId: newId(),
      title: 'Groupe de contact permanent — réunion mensuelle',
      kind: 'regular',
      startsAt: Math.floor((now + 3 * DAY) / 3_600_000) * 3_600_000 + 10 * 3_600_000,
      place: 'Ministère de l’Intérieur, salle Beauvau',
      videoLink: 'https://visio.interieur.example/groupe-contact',
      invitedPlatformIds: platforms,
    },
    chair,
  );
}
