// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BulkBar } from '../../src/renderer/src/features/queue/BulkBar';
import { textsIn, WithTexts } from '../support/texts-provider';
import { VIEWERS, createRequest, requestsOf, seeded } from './queue-world';

afterEach(cleanup);

/** Lina ticks two open Meta requests (2 and 3 items) and one she has answered. */
async function barFor(onRun = vi.fn()) {
  const { desk, operator, metaLiaison } = seeded();
  const open = [
    createRequest(desk, operator),
    createRequest(desk, operator, { items: ['https://facebook.com/x', 'https://facebook.com/y', '@z'] }),
  ];
  const answered = createRequest(desk, operator, { items: ['https://facebook.com/done'] });
  desk.must(metaLiaison, 'request.answer', {
    requestId: answered,
    items: [{ itemId: desk.request(answered).items[0]!.id, outcome: 'removed' }],
  });
  const selected = requestsOf(desk, [...open, answered]);
  render(
    <WithTexts texts={await textsIn('fr')}>
      <BulkBar viewer={VIEWERS.lina} selected={selected} running={false} onRun={onRun} onClear={() => undefined} />
    </WithTexts>,
  );
  return { onRun, selected };
}

describe('answering several requests from the bulk bar', () => {
  it('offers the answer on the requests that can be answered, and says which action leaves some out', async () => {
    await barFor();
    const answer = screen.getByTestId('bulk-answer');
    expect(answer.textContent).toBe('Répondre (2)…');
    expect(screen.getByTestId('bulk-acknowledge').dataset.eligible).toBe('2');
    expect(screen.getByTestId('bulk-bar').textContent).toContain('Réponse : 1 ne s’y prête pas (statut ou plateforme)');
    expect(screen.queryByTestId('bulk-answer-form')).toBeNull();
    fireEvent.click(answer);
    expect(answer.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByLabelText('Même résultat pour les 5 contenus')).toBeTruthy();
  });

  it('asks an outcome, then a reason and a ground for a "cannot execute", before anything runs', async () => {
    const { onRun, selected } = await barFor();
    fireEvent.click(screen.getByTestId('bulk-answer'));
    const confirm = screen.getByTestId('bulk-answer-confirm');
    expect(confirm.textContent).toBe('Répondre à 2 demandes');
    fireEvent.click(confirm);
    expect(screen.getByRole('alert').textContent).toBe('Choisissez un résultat.');
    fireEvent.change(screen.getByTestId('bulk-answer-outcome'), { target: { value: 'cannot_execute' } });
    fireEvent.click(confirm);
    expect(screen.getByRole('alert').textContent).toBe('Un refus ou une inexécution exige un motif.');
    expect(screen.getByTestId('bulk-answer-reason').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByTestId('bulk-answer-reason'), { target: { value: 'Comptes déjà fermés' } });
    // Said missing until the form changes, no longer.
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(confirm);
    expect(screen.getByRole('alert').textContent).toBe('Une inexécution exige un fondement (annexe III).');
    fireEvent.change(screen.getByTestId('bulk-answer-ground'), { target: { value: 'technical_impossibility' } });
    expect(onRun).not.toHaveBeenCalled();
    fireEvent.click(confirm);
    expect(onRun).toHaveBeenCalledWith('answer', selected, {
      answer: { outcome: 'cannot_execute', reason: 'Comptes déjà fermés', ground: 'technical_impossibility' },
    });
    expect(screen.queryByTestId('bulk-answer-form')).toBeNull();
  });

  it('a withdrawal still asks its one reason', async () => {
    const { desk, operator } = seeded();
    const selected = requestsOf(desk, [createRequest(desk, operator)]);
    const onRun = vi.fn();
    render(
      <WithTexts texts={await textsIn('en')}>
        <BulkBar viewer={VIEWERS.olivier} selected={selected} running={false} onRun={onRun} onClear={() => undefined} />
      </WithTexts>,
    );
    fireEvent.click(screen.getByTestId('bulk-withdraw'));
    fireEvent.click(screen.getByTestId('bulk-withdraw-confirm'));
    expect(screen.getByRole('alert').textContent).toBe('Give the reason for the withdrawal.');
    fireEvent.change(screen.getByTestId('bulk-withdraw-reason'), { target: { value: ' Sent twice. ' } });
    fireEvent.click(screen.getByTestId('bulk-withdraw-confirm'));
    expect(onRun).toHaveBeenCalledWith('withdraw', selected, { reason: 'Sent twice.' });
  });
});
