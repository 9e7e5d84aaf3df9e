import type { Request } from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { drain, STEP } from '../../src/renderer/src/features/common/sliced-work';
import { filterValuesInSteps } from '../../src/renderer/src/features/queue/filter-values';
import { seeded } from '../support/desk';

/** A desk with one campaign on record ("Vague") and requests filed under it, under a name typed before campaigns were records, or under none. */
function world() {
  const { desk, operator } = seeded();
  const wave = desk.freshId();
  desk.must(operator, 'campaign.start', { campaignId: wave, name: 'Vague' });
  const send = (priority: string, campaignId?: string) =>
    desk.must(operator, 'request.create', {
      requestId: desk.freshId(),
      platformId: 'meta',
      kind: 'removal',
      priority,
      items: [`https://www.facebook.com/${desk.freshId()}`],
      category: 'terrorism_apology',
      grounds: 'Revendication.',
      ...(campaignId ? { campaignId } : {}),
    });
  send('P0', wave);
  send('P1');
  send('P0', wave);
  const [typed] = [...desk.state.requests.values()].filter((request) => request.campaignId === null);
  // A request sent before campaigns were records carries the campaign's name as typed.
  const older: Request = { ...typed!, id: desk.freshId(), campaign: 'Opération Aube' };
  const requests = new Map([...desk.state.requests, [older.id, older]]);
  return { requests, policy: desk.state.policy, campaigns: desk.state.campaigns, wave };
}

describe('what the requests offer the filters', () => {
  it('every campaign once, named as people read it, and every priority label of the policy or of a request, sorted', () => {
    const { requests, policy, campaigns, wave } = world();
    const values = drain(filterValuesInSteps({ requests, policy, campaigns }));
    expect(values.campaigns).toEqual([
      { value: 'Opération Aube', label: 'Opération Aube' },
      { value: wave, label: 'Vague' },
    ]);
    const labels = [...new Set(policy.levels.map((level) => level.label))].sort();
    expect(values.priorities).toEqual(labels.map((label) => ({ value: label, label })));
  });

  it('on a large desk, pauses every few thousand requests and gives the same values', () => {
    const { requests, policy, campaigns } = world();
    const template = [...requests.values()][0]!;
    const many = new Map(requests);
    for (let i = 0; i < 3 * STEP; i++) {
      const request = { ...template, id: `copy-${i}`, sla: { ...template.sla, label: i === 3 * STEP - 1 ? 'P9' : template.sla.label } };
      many.set(request.id, request);
    }
    const work = filterValuesInSteps({ requests: many, policy, campaigns });
    let pauses = 0;
    let step = work.next();
    for (; !step.done; step = work.next()) pauses++;
    expect(pauses).toBe(3);
    expect(step.value.priorities.map((option) => option.value)).toContain('P9');
    expect(step.value.campaigns).toEqual(drain(filterValuesInSteps({ requests, policy, campaigns })).campaigns);
  });
});
