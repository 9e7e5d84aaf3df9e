// @vitest-environment jsdom
import { actorOf, type Request } from '@contact-desk/shared';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FEATURE_TEXTS } from '../../src/renderer/src/app/features';
import { CreateRequestScreen } from '../../src/renderer/src/features/create/CreateRequestScreen';
import { setupI18n } from '../../src/renderer/src/i18n/i18n';
import { useDesk, type PerformOutcome } from '../../src/renderer/src/state/desk-store';
import { INITIAL_SYNC_STATUS } from '@contact-desk/sync';
import { createRequest, seeded } from '../support/desk';

/**
 * The create screen on a desk of three platforms with one request open: a pasted list becomes
 * its preview, choices change it, and one click sends one `request.create` per request through
 * the desk's `perform`; the report follows each until the relay's state says what became of it.
 */
function world() {
  const { desk, prefect, operator } = seeded();
  desk.must(prefect, 'platform.create', { platformId: 'x', name: 'X', kind: 'platform' });
  const openId = createRequest(desk, operator, { items: ['https://www.facebook.com/open/1'] });
  return { desk, prefect, openRef: desk.request(openId).ref, openId };
}

const X_POSTS = Array.from({ length: 501 }, (_, index) => `https://x.com/a/status/${index}`);
const LIST = [
  ...X_POSTS,
  'https://m.facebook.com/open/1',
  'https://www.tiktok.com/@a/video/1',
  'Compte Telegram « Les Lions » (ID 77)',
  'https://twitter.com/a/status/0',
];

beforeAll(async () => {
  await setupI18n(FEATURE_TEXTS);
});

afterEach(cleanup);

function mount() {
  const { desk, prefect, openRef, openId } = world();
  const calls: { type: string; args: { requestId: string; platformId: string; items: string[]; grounds: string } }[] = [];
  const perform = vi.fn(async (type: string, args: unknown): Promise<PerformOutcome> => {
    calls.push({ type, args: args as (typeof calls)[number]['args'] });
    return { ok: true, mutationId: `m-${calls.length}` };
  });
  useDesk.setState({
    phase: 'ready',
    view: desk.state,
    confirmed: desk.state,
    sync: { ...INITIAL_SYNC_STATUS, connection: 'online', actor: actorOf(desk.state.users.get(prefect.userId)!, null) },
    rejections: [],
    perform,
  });
  render(<CreateRequestScreen />);
  fireEvent.change(screen.getByTestId('create-items'), { target: { value: LIST.join('\n') } });
  return { desk, calls, openRef, openId };
}

const rows = () =>
  screen
    .queryAllByTestId('paste-request')
    .map((row) => `${row.dataset.platform} ${row.dataset.part}/${row.dataset.parts} ${row.dataset.count}`);

describe('a pasted list on the create screen', () => {
  it('is summed up, then listed as one request per platform, in parts over 500 items', () => {
    const { openRef, openId } = mount();
    const summary = screen.getByTestId('paste-summary');
    expect(summary.textContent).toBe(
      '505 contenus collés502 nouveaux1 répété dans la liste1 déjà sur une demande ouverte1 sans plateforme connue',
    );
    expect(rows()).toEqual(['meta 1/1 1', 'tiktok 1/1 1', 'x 1/2 500', 'x 2/2 1']);
    const link = within(screen.getByTestId('paste-open')).getByRole('link');
    expect(link.getAttribute('href')).toBe(`#/request/${openId}`);
    expect(link.textContent).toBe(`${openRef} (Ouverte)`);
    expect(screen.getByTestId('create-submit').textContent).toBe('Envoyer les 4 demandes');
  });

  it('shows a part’s items on demand', () => {
    mount();
    const part = screen.getAllByTestId('paste-request')[3]!;
    expect(within(part).queryAllByTestId('paste-item')).toHaveLength(0);
    fireEvent.click(within(part).getByTestId('paste-request-toggle'));
    expect(
      within(part)
        .getAllByTestId('paste-item')
        .map((item) => item.textContent),
    ).toEqual(['1https://x.com/a/status/500']);
  });

  it('sends nothing until every item set aside is given a platform or taken out', () => {
    const { calls } = mount();
    fireEvent.change(screen.getByTestId('create-grounds'), { target: { value: 'Apologie.' } });
    fireEvent.click(screen.getByTestId('create-submit'));
    expect(screen.getByText('Choisissez la plateforme de ce contenu ou retirez-le.')).toBeTruthy();
    expect(calls).toHaveLength(0);
    // Given a platform by hand, the account joins TikTok's request; the error goes at once.
    fireEvent.change(screen.getByTestId('paste-unknown-platform'), { target: { value: 'tiktok' } });
    expect(rows()).toContain('tiktok 1/1 2');
    expect(screen.queryByText('Choisissez la plateforme de ce contenu ou retirez-le.')).toBeNull();
  });

  it('sends one request.create per request in one click, and follows each until the relay has answered', async () => {
    const { desk, calls } = mount();
    fireEvent.change(screen.getByTestId('create-grounds'), { target: { value: 'Apologie.' } });
    fireEvent.change(screen.getByTestId('paste-unknown-platform'), { target: { value: 'tiktok' } });
    fireEvent.click(screen.getByTestId('paste-open-drop-all'));
    expect(rows()).toEqual(['tiktok 1/1 2', 'x 1/2 500', 'x 2/2 1']);
    fireEvent.click(screen.getByTestId('create-submit'));
    const report = await screen.findByTestId('send-report');
    await vi.waitFor(() => expect(report.dataset.waiting).toBe('3'));
    expect(calls.map((call) => `${call.type} ${call.args.platformId} ${call.args.items.length}`)).toEqual([
      'request.create tiktok 2',
      'request.create x 500',
      'request.create x 1',
    ]);
    expect(calls.map((call) => call.args.grounds)).toEqual([
      'Apologie.',
      'Apologie.\n\nPartie 1 sur 2 d’une même liste de 501 contenus.',
      'Apologie.\n\nPartie 2 sur 2 d’une même liste de 501 contenus.',
    ]);
    expect(screen.getByTestId('send-left-out').textContent).toBe('1 contenu retiré avant l’envoi · 1 ligne répétée, envoyée une fois');

    // The relay records two (with its references) and refuses the third.
    const [tiktok, first, second] = calls.map((call) => call.args.requestId);
    const requests = new Map(desk.state.requests);
    requests.set(tiktok!, { id: tiktok, ref: 'CD-2026-000101' } as Request);
    requests.set(first!, { id: first, ref: 'CD-2026-000102' } as Request);
    useDesk.setState({
      confirmed: { ...desk.state, requests },
      rejections: [
        {
          mutationId: 'm-3',
          type: 'request.create',
          error: { code: 'forbidden', message: 'inactive', details: { reason: 'platform_inactive', platform: 'X' } },
          at: 0,
          requestId: second!,
          atSeq: 0,
        },
      ],
    });
    await vi.waitFor(() => expect(report.dataset.refused).toBe('1'));
    expect(report.dataset.recorded).toBe('2');
    expect(screen.getByTestId('send-progress').textContent).toBe('2 enregistrées par le relais · 1 refusée');
    expect(screen.getAllByTestId('send-entry-ref').map((link) => link.textContent)).toEqual(['CD-2026-000101', 'CD-2026-000102']);
    expect(screen.getByTestId('send-entry-refusal').textContent).toBe(
      'Refusée :La plateforme X est désactivée : elle ne reçoit plus de demandes.',
    );
    // A refusal dismissed elsewhere stays said here.
    useDesk.setState({ rejections: [] });
    expect((await screen.findByTestId('send-report')).dataset.refused).toBe('1');

    // The refused items come back in the form, to be sent again.
    fireEvent.click(screen.getByTestId('send-retry'));
    expect((screen.getByTestId('create-items') as HTMLTextAreaElement).value).toBe('https://x.com/a/status/500');
  });
});
