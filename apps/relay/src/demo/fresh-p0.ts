import { newId } from '@contact-desk/shared';
import { perform } from '../cli/admin-actions.js';
import type { DemoData } from './demo-data.js';
import type { DemoPeople } from './demo-people.js';
import type { TimedStep } from './request-plan.js';

const MINUTE = 60_000;

/**
 * A P0 to X sent 25 minutes before the demo's present, received and never acknowledged: whoever
 * opens the demo finds a deadline just missed at the top of their triage, and its escalation.
 */
export function freshP0(data: DemoData, people: DemoPeople, now: number): TimedStep[] {
  const platform = data.platforms.find((candidate) => candidate.id === 'x') ?? data.platforms[0];
  const operator = people.operators[0] ?? people.prefect;
  const liaison = platform && people.liaisons.get(platform.id)?.[0];
  if (!platform || !liaison) return [];
  const requestId = newId();
  const createdAt = now - 25 * MINUTE;
  return [
    {
      at: createdAt,
      run: (core) =>
        perform(
          core,
          'request.create',
          {
            requestId,
            platformId: platform.id,
            kind: 'removal',
            priority: 'P0',
            items: [`https://${platform.domain}/${platform.paths[0] ?? ''}revendication0425`],
            category: 'terrorism_incitement',
            grounds: data.grounds.terrorism_incitement?.[0] ?? 'Appel à commettre un attentat.',
          },
          operator,
        ),
    },
    { at: createdAt + 40_000, run: (core) => core.recordReceipt(requestId, liaison.device.id) },
  ];
}
