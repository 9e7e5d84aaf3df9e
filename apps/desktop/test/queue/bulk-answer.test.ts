import { describe, expect, it } from 'vitest';
import { reportProgress, type ActionReport } from '../../src/renderer/src/features/queue/action-report';
import { answerChoice, showsAnswers } from '../../src/renderer/src/features/queue/bulk-answer';
import { actionJob, splitEligible } from '../../src/renderer/src/features/queue/queue-actions';
import { VIEWERS, createRequest, requestsOf, seeded } from './queue-world';

/** Meta requests in every status a liaison meets, and one of TikTok. */
function world() {
  const seed = seeded();
  const { desk, operator, metaLiaison } = seed;
  const create = (n: number, platformId = 'meta') =>
    createRequest(desk, operator, {
      platformId,
      items: Array.from({ length: n }, (_, i) => `https://${platformId === 'meta' ? 'facebook' : 'tiktok'}.com/${desk.freshId()}/${i}`),
    });
  const ids = {
    open: create(2),
    acknowledged: create(3),
    needsInfo: create(1),
    answered: create(1),
    reopened: create(1),
    tiktok: create(1, 'tiktok'),
  };
  const answerAll = (id: string) =>
    desk.must(metaLiaison, 'request.answer', {
      requestId: id,
      items: desk.request(id).items.map((item) => ({ itemId: item.id, outcome: 'removed' as const })),
    });
  desk.must(metaLiaison, 'request.acknowledge', { requestId: ids.acknowledged });
  desk.must(metaLiaison, 'request.requestInfo', { requestId: ids.needsInfo, question: 'Which one?' });
  answerAll(ids.answered);
  answerAll(ids.reopened);
  desk.must(operator, 'request.reopen', { requestId: ids.reopened, reason: 'Still online.' });
  return { ...seed, ids };
}

describe('one outcome for every item of several requests', () => {
  it('offered on the requests the liaison may answer now: their platform’s, open, acknowledged or reopened', () => {
    const { desk, ids } = world();
    const all = requestsOf(desk, Object.values(ids));
    const refs = (list: readonly { id: string }[]) => list.map((request) => request.id).sort();
    expect(refs(splitEligible('answer', all, VIEWERS.lina).eligible)).toEqual([ids.open, ids.acknowledged, ids.reopened].sort());
    expect(refs(splitEligible('answer', all, VIEWERS.tom).eligible)).toEqual([ids.tiktok]);
    expect(splitEligible('answer', all, VIEWERS.olivier).eligible).toEqual([]);
    expect(splitEligible('answer', all, VIEWERS.anne).eligible).toEqual([]);
  });

  it('asks a reason for a refusal or a "cannot execute", and a ground for the latter only', () => {
    expect(answerChoice('refused', '  ', '')).toBe('reasonMissing');
    expect(answerChoice('cannot_execute', 'Account gone', '')).toBe('groundMissing');
    expect(answerChoice('cannot_execute', ' Account gone ', 'technical_impossibility')).toEqual({
      outcome: 'cannot_execute',
      reason: 'Account gone',
      ground: 'technical_impossibility',
    });
    expect(answerChoice('removed', '', 'force_majeure')).toEqual({ outcome: 'removed', reason: null, ground: null });
  });

  it('one request.answer per request listing each of its items, accepted by the relay’s own rules; recorded once the state shows it', () => {
    const { desk, ids, metaLiaison } = world();
    const choice = { outcome: 'geo_blocked', reason: 'Blocked in France', ground: null } as const;
    const jobs = [ids.open, ids.acknowledged].map((id) => actionJob('answer', desk.request(id), VIEWERS.lina, { answer: choice }));
    expect(jobs.map((job) => [job.type, job.calls.length])).toEqual([
      ['request.answer', 1],
      ['request.answer', 1],
    ]);
    expect(jobs[1]!.calls[0]).toEqual({
      requestId: ids.acknowledged,
      items: desk.request(ids.acknowledged).items.map((item) => ({ itemId: item.id, ...choice })),
    });
    const report: ActionReport = {
      serial: 1,
      action: 'answer',
      asked: 2,
      sent: jobs.map((job) => ({ requestId: job.request.id, ref: job.request.ref, answers: job.answers! })),
      refused: [],
      skipped: [],
      running: false,
    };
    expect(reportProgress(report, new Set(), desk.state.requests, VIEWERS.lina).rejected).toHaveLength(2);
    for (const args of jobs[0]!.calls) desk.must(metaLiaison, 'request.answer', args as never);
    const progress = reportProgress(report, new Set(), desk.state.requests, VIEWERS.lina);
    expect(progress.recorded.map((sent) => sent.requestId)).toEqual([ids.open]);
    expect(progress.rejected.map((sent) => sent.requestId)).toEqual([ids.acknowledged]);
    expect(desk.request(ids.open).status).toBe('answered');
    // The same outcome with another reason is not what was sent.
    expect(
      showsAnswers(
        desk.request(ids.open),
        jobs[0]!.answers!.map((answer) => ({ ...answer, reason: 'Other' })),
      ),
    ).toBe(false);
  });

  it('a request grown past 500 items is answered in parts, the last one completing it', () => {
    const { desk, ids, metaLiaison, operator } = world();
    const more = (from: number) => Array.from({ length: 300 }, (_, i) => `https://facebook.com/more/${from + i}`);
    desk.must(operator, 'request.edit', { requestId: ids.open, patch: { addItems: more(0) } });
    desk.must(operator, 'request.edit', { requestId: ids.open, patch: { addItems: more(300) } });
    const job = actionJob('answer', desk.request(ids.open), VIEWERS.lina, { answer: { outcome: 'removed', reason: null, ground: null } });
    expect(job.calls.map((args) => (args.items as unknown[]).length)).toEqual([500, 102]);
    for (const args of job.calls) desk.must(metaLiaison, 'request.answer', args as never);
    expect(desk.request(ids.open).status).toBe('answered');
  });
});
