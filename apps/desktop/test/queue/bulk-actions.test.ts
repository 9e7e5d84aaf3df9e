import { describe, expect, it } from 'vitest';
import { reportProgress, type ActionReport } from '../../src/renderer/src/features/queue/action-report';
import { actionJob, bulkActionsFor, canApply, splitEligible } from '../../src/renderer/src/features/queue/queue-actions';
import { columnsFor } from '../../src/renderer/src/features/queue/queue-columns';
import { NO_SELECTION, listedSelection, selectAll, selectRange, toggleRow } from '../../src/renderer/src/features/queue/queue-selection';
import { IDS, VIEWERS, createRequest, requestsOf, seeded } from './queue-world';

function statuses() {
  const world = seeded();
  const { desk, operator, metaLiaison } = world;
  const answer = (id: string) =>
    desk.must(metaLiaison, 'request.answer', {
      requestId: id,
      items: desk.request(id).items.map((item) => ({ itemId: item.id, outcome: 'removed' as const })),
    });
  const ids = {
    open: createRequest(desk, operator, { items: ['https://facebook.com/open'] }),
    acknowledged: createRequest(desk, operator, { items: ['https://facebook.com/ack'] }),
    answered: createRequest(desk, operator, { items: ['https://facebook.com/answered'] }),
    contested: createRequest(desk, operator, { items: ['https://facebook.com/contested'] }),
    closed: createRequest(desk, operator, { items: ['https://facebook.com/closed'] }),
    tiktok: createRequest(desk, operator, { platformId: 'tiktok', items: ['https://www.tiktok.com/@a/video/1'] }),
  };
  desk.must(metaLiaison, 'request.acknowledge', { requestId: ids.acknowledged });
  answer(ids.answered);
  desk.must(metaLiaison, 'request.contest', { requestId: ids.contested, reason: 'Lawful.' });
  answer(ids.closed);
  desk.must(operator, 'request.close', { requestId: ids.closed });
  return { ...world, ids };
}

describe('what each role may do to several requests at once', () => {
  it('a liaison acknowledges and answers; the ministry closes and withdraws; an observer nothing', () => {
    expect(bulkActionsFor(VIEWERS.lina)).toEqual(['acknowledge', 'answer']);
    expect(bulkActionsFor(VIEWERS.olivier)).toEqual(['close', 'withdraw']);
    expect(bulkActionsFor(VIEWERS.claire)).toEqual(['close', 'withdraw']);
    expect(bulkActionsFor(VIEWERS.anne)).toEqual([]);
    expect(columnsFor(VIEWERS.anne)).not.toContain('select');
    expect(columnsFor(VIEWERS.anne)).not.toContain('actions');
    expect(columnsFor(VIEWERS.lina)).toEqual([
      'select',
      'priority',
      'ref',
      'reason',
      'deadline',
      'level',
      'ownerPlatform',
      'status',
      'actions',
    ]);
  });

  it('only what each request’s status and platform allow', () => {
    const { desk, ids } = statuses();
    const all = requestsOf(desk, Object.values(ids));
    const refs = (list: readonly { ref: string }[]) => list.map((request) => request.ref).sort();
    const ack = splitEligible('acknowledge', all, VIEWERS.lina);
    expect(refs(ack.eligible)).toEqual(requestsOf(desk, [ids.open]).map((r) => r.ref));
    expect(ack.ineligible).toHaveLength(5);
    // Tom may acknowledge only TikTok's.
    expect(refs(splitEligible('acknowledge', all, VIEWERS.tom).eligible)).toEqual([desk.request(ids.tiktok).ref]);
    expect(refs(splitEligible('close', all, VIEWERS.olivier).eligible)).toEqual(refs(requestsOf(desk, [ids.answered, ids.contested])));
    expect(refs(splitEligible('withdraw', all, VIEWERS.olivier).eligible)).toEqual(
      refs(requestsOf(desk, [ids.open, ids.acknowledged, ids.contested, ids.tiktok])),
    );
    expect(splitEligible('close', all, VIEWERS.lina).eligible).toEqual([]);
    expect(splitEligible('close', all, VIEWERS.anne).eligible).toEqual([]);
  });

  it('take: my side’s owner becomes me, unless it already is; never a closed request', () => {
    const { desk, ids } = statuses();
    expect(canApply('take', desk.request(ids.open), VIEWERS.lina)).toBe(true);
    expect(canApply('take', desk.request(ids.tiktok), VIEWERS.lina)).toBe(false);
    expect(canApply('take', desk.request(ids.closed), VIEWERS.lina)).toBe(false);
    // The operator created them: the ministry side is already his; the prefect may take them over.
    expect(canApply('take', desk.request(ids.open), VIEWERS.olivier)).toBe(false);
    expect(canApply('take', desk.request(ids.open), VIEWERS.claire)).toBe(true);
    expect(canApply('take', desk.request(ids.open), VIEWERS.anne)).toBe(false);
    expect(actionJob('take', desk.request(ids.open), VIEWERS.claire).calls).toEqual([{ requestId: ids.open, assigneeId: IDS.prefect }]);
    expect(actionJob('withdraw', desk.request(ids.open), VIEWERS.claire, { reason: 'Sent twice.' })).toMatchObject({
      type: 'request.withdraw',
      calls: [{ requestId: ids.open, reason: 'Sent twice.' }],
    });
    expect(actionJob('close', desk.request(ids.answered), VIEWERS.claire).calls).toEqual([{ requestId: ids.answered, note: null }]);
  });

  it('a queued action is recorded only once nothing is pending and the state shows it; else refused by the relay', () => {
    const { desk, ids, metaLiaison, operator } = statuses();
    const other = createRequest(desk, operator, { items: ['https://facebook.com/other'] });
    const report: ActionReport = {
      serial: 1,
      action: 'acknowledge',
      asked: 3,
      sent: [ids.open, other].map((requestId) => ({ requestId, ref: desk.request(requestId).ref })),
      refused: [],
      skipped: ['CD-X'],
      running: false,
    };
    const waiting = reportProgress(report, new Set([ids.open, other]), desk.state.requests, VIEWERS.lina);
    expect([waiting.waiting.length, waiting.recorded.length, waiting.rejected.length]).toEqual([2, 0, 0]);
    desk.must(metaLiaison, 'request.acknowledge', { requestId: ids.open });
    const settled = reportProgress(report, new Set(), desk.state.requests, VIEWERS.lina);
    expect(settled.recorded.map((sent) => sent.requestId)).toEqual([ids.open]);
    expect(settled.rejected.map((sent) => sent.requestId)).toEqual([other]);
  });
});

describe('ticking rows', () => {
  const rows = ['a', 'b', 'c', 'd', 'e'];

  it('x toggles one row and sets the anchor; shift ticks from the anchor to the row, either way', () => {
    let selection = toggleRow(NO_SELECTION, 'b');
    expect([...selection.ids]).toEqual(['b']);
    selection = selectRange(selection, rows, 'd');
    expect(listedSelection(selection, rows)).toEqual(['b', 'c', 'd']);
    selection = toggleRow(selection, 'c');
    expect(listedSelection(selection, rows)).toEqual(['b', 'd']);
    selection = selectRange(selection, rows, 'a');
    expect(listedSelection(selection, rows)).toEqual(['a', 'b', 'c', 'd']);
    expect(listedSelection(selectRange(NO_SELECTION, rows, 'e'), rows)).toEqual(['e']);
  });

  it('all listed rows at once; only the rows still listed count', () => {
    const selection = selectAll(rows);
    expect(listedSelection(selection, rows)).toEqual(rows);
    expect(listedSelection(selection, ['c', 'x', 'a'])).toEqual(['c', 'a']);
  });
});
