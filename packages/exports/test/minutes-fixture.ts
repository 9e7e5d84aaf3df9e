import { platformFigures } from '@contact-desk/shared';
import type { MinutesInput } from '../src/index.js';
import { goldenRequests, LONG_URL, meta, NOW, PERIOD, PLATFORMS, T } from './fixtures.js';

export function minutesInput(language: 'fr' | 'en' = 'fr'): MinutesInput {
  return {
    meta: meta({ title: 'Groupe de contact — compte rendu', language }),
    meeting: {
      title: 'Groupe de contact n° 12',
      kind: 'emergency',
      startsAt: T + 24 * 3_600_000,
      place: 'Place Beauvau, salle Érignac',
      videoLink: LONG_URL,
      chair: 'Mme la préfète Claire Dupré',
    },
    attendance: [
      { party: 'Ministère de l’Intérieur — DLPAJ', kind: 'ministry', status: 'present' },
      { party: 'Été «test»; Vidéo', kind: 'platform', status: 'present' },
      { party: 'Réseau "Social"', kind: 'platform', status: 'excused' },
      { party: 'Plateforme | Pipe', kind: 'platform', status: 'absent' },
    ],
    agenda: [
      {
        title: 'Délais de retrait en novembre',
        platformName: 'Été «test»; Vidéo',
        notes: 'La plateforme explique les retards par une astreinte non joignable.\n\nUn numéro de secours sera communiqué.',
        lateRequests: ['CD-2026-0003', 'CD-2026-0005'],
      },
      { title: 'Questions diverses', notes: 'Aucune.' },
    ],
    decisions: [
      { text: 'Une astreinte joignable 24 h/24 est désignée sous huit jours.', platformName: 'Été «test»; Vidéo' },
      { text: 'Prochaine réunion ordinaire le 15 décembre.' },
    ],
    actionItems: [
      { text: 'Transmettre le numéro de l’astreinte', owner: 'Été «test»; Vidéo', dueDate: T + 8 * 86_400_000, status: 'open' },
      { text: 'Relancer Réseau "Social"', owner: 'DLPAJ', status: 'done' },
    ],
    figures: platformFigures(goldenRequests(), PERIOD, NOW).map((f) => ({ ...f, platformName: PLATFORMS.get(f.platformId)!.name })),
  };
}
