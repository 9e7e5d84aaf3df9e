// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { sheetFromTable } from '@contact-desk/shared';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReadOutcome } from '../../src/renderer/src/features/outcomes/outcome-file';
import { useOutcomeImport } from '../../src/renderer/src/features/outcomes/use-outcome-import';
import { useDesk } from '../../src/renderer/src/state/desk-store';
import { createRequest, seeded } from '../support/desk';

/** A picked file: only its name, size and bytes are read. */
function picked(name: string, size = 100): File {
  return { name, size, arrayBuffer: async () => new ArrayBuffer(size) } as unknown as File;
}

describe('an outcomes file from the pick to what is sent', () => {
  it('is planned on the requests the device holds, and planned again when sent: a request changed meanwhile refuses it whole', async () => {
    const { desk, operator } = seeded();
    const [a, b] = [createRequest(desk, operator), createRequest(desk, operator)];
    useDesk.setState({ view: desk.state });
    const table = [
      ['ref', 'url', 'outcome'],
      ...[a, b].flatMap((id) => desk.request(id).items.map((item) => [desk.request(id).ref, item.location, 'removed'])),
    ];
    const read = async (): Promise<ReadOutcome> => ({ ok: true, sheet: sheetFromTable(table) });
    const { result } = renderHook(() => useOutcomeImport('meta', read));
    await act(() => result.current.choose(picked('lot.csv')));
    expect(result.current.stage).toMatchObject({ step: 'planned', name: 'lot.csv', plan: { items: 4 } });
    const jobs = result.current.confirm();
    expect(jobs?.map((job) => [job.request.id, job.type, job.calls.length])).toEqual([
      [a, 'request.answer', 1],
      [b, 'request.answer', 1],
    ]);

    // The ministry withdraws b before the liaison sends: nothing is sent, the row is named.
    desk.must(operator, 'request.withdraw', { requestId: b, reason: 'Sent twice.' });
    useDesk.setState({ view: desk.state });
    let again: unknown;
    act(() => {
      again = result.current.confirm();
    });
    expect(again).toBeNull();
    expect(result.current.stage).toMatchObject({
      step: 'refused',
      changed: true,
      refused: [{ row: 4, problem: 'not_answerable', status: 'withdrawn' }, { row: 5 }],
    });
  });

  it('refuses a file over the size limit without reading it', async () => {
    let reads = 0;
    const { result } = renderHook(() =>
      useOutcomeImport('meta', async () => {
        reads += 1;
        return { ok: true, sheet: sheetFromTable([]) };
      }),
    );
    await act(() => result.current.choose(picked('huge.xlsx', 6 * 1024 * 1024)));
    expect(reads).toBe(0);
    expect(result.current.stage).toMatchObject({ step: 'refused', refused: [{ row: null, problem: 'too_large', limit: 5 * 1024 * 1024 }] });
  });
});
