import type { ProtocolError, Request } from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { validateSending } from '../../src/renderer/src/features/create/create-validation';
import { pastePlan } from '../../src/renderer/src/features/create/paste-plan';
import {
  createArgs,
  entryState,
  itemsPerPlatform,
  tally,
  type RequestFields,
  type SendEntry,
} from '../../src/renderer/src/features/create/send-model';
import { translator } from '../support/translate';

const FIELDS: RequestFields = {
  kind: 'removal',
  priority: 'P0',
  category: 'terrorism_apology',
  grounds: '  Apologie du terrorisme.  ',
  pharosRef: ' PH-1 ',
  campaignId: null,
  doNotInform: true,
  retention: '2027-05-01',
};

const PART = { platformId: 'x', part: 2, parts: 2, items: ['https://x.com/a/status/4'] };

describe('the requests of one sending', () => {
  it('share the form’s fields; a part says which part of the list it is, after the grounds', () => {
    expect(createArgs('r-1', FIELDS, PART, 'Partie 2 sur 2 d’une même liste de 503 contenus.')).toEqual({
      requestId: 'r-1',
      platformId: 'x',
      kind: 'removal',
      priority: 'P0',
      items: ['https://x.com/a/status/4'],
      category: 'terrorism_apology',
      grounds: 'Apologie du terrorisme.\n\nPartie 2 sur 2 d’une même liste de 503 contenus.',
      pharosRef: 'PH-1',
      campaignId: null,
      doNotInform: true,
      retentionUntil: null,
    });
    expect(createArgs('r-2', FIELDS, PART, null).grounds).toBe('Apologie du terrorisme.');
  });

  it('carry a retention end for a preservation only', () => {
    const args = createArgs('r-3', { ...FIELDS, kind: 'preservation' }, PART, null);
    expect(args.retentionUntil).toBe(new Date('2027-05-01T23:59:59').getTime());
  });

  it('count each platform’s items over all its parts', () => {
    const plan = pastePlan({
      pasted: ['a.x.com/1', 'x.com/2', 'x.com/3', 'tiktok.com/@a'].join('\n'),
      domains: new Map([
        ['x', ['x.com']],
        ['tiktok', ['tiktok.com']],
      ]),
      openLocations: new Map(),
      limit: 2,
      platformId: '',
      choices: new Map(),
    });
    expect([...itemsPerPlatform(plan.requests)]).toEqual([
      ['x', 3],
      ['tiktok', 1],
    ]);
  });
});

describe('where each request of a sending stands', () => {
  const refusal: ProtocolError = { code: 'forbidden', message: 'no', details: { reason: 'platform_inactive', platform: 'X' } };
  const entry: SendEntry = { ...PART, requestId: 'r-1', mutationId: 'm-1', refusal: null };
  const recorded = new Map([['r-1', { ref: 'CD-2026-000412' } as Request]]);

  it('waits until the relay’s events put it in the confirmed state, with the reference the relay gave', () => {
    expect(entryState(entry, new Map(), new Map())).toEqual({ kind: 'waiting' });
    expect(entryState(entry, recorded, new Map())).toEqual({ kind: 'recorded', ref: 'CD-2026-000412' });
  });

  it('is refused on the device before anything is queued, or by the relay', () => {
    expect(entryState({ ...entry, mutationId: null, refusal }, new Map(), new Map())).toEqual({ kind: 'refused', error: refusal });
    expect(entryState(entry, new Map(), new Map([['m-1', refusal]]))).toEqual({ kind: 'refused', error: refusal });
  });

  it('is tallied by state', () => {
    expect(
      tally([{ kind: 'waiting' }, { kind: 'recorded', ref: 'A' }, { kind: 'recorded', ref: 'B' }, { kind: 'refused', error: refusal }]),
    ).toEqual({
      recorded: 2,
      waiting: 1,
      refused: 1,
    });
  });
});

describe('what keeps a sending from going', () => {
  const plan = (pasted: string, open = new Map<string, string>()) =>
    pastePlan({ pasted, domains: new Map([['x', ['x.com']]]), openLocations: open, limit: 500, platformId: '', choices: new Map() });

  it('names each problem in the user’s words', async () => {
    const t = await translator('fr');
    const found = validateSending(
      { ...FIELDS, grounds: ' ', kind: 'preservation', retention: '' },
      plan('x.com/1\n@compte\nt.me/a', new Map([['x.com/1', 'CD-1']])),
      false,
      '',
      (key, options) => t(`create:${key}`, options),
    );
    expect(found).toEqual({
      grounds: 'Champ obligatoire.',
      retention: 'Date de fin de conservation requise pour une conservation.',
      undecided: 'Choisissez la plateforme de ces 2 contenus ou retirez-les.',
      confirm: 'Confirmez l’envoi malgré les contenus déjà demandés, ou retirez-les.',
    });
  });

  it('keeps room in the grounds for the part note, and asks for items when there are none', async () => {
    const t = await translator('en');
    const words = (key: string, options?: Record<string, unknown>) => t(`create:${key}`, options);
    const note = 'Part 1 of 2 of one list of 503 items.';
    const found = validateSending({ ...FIELDS, grounds: 'g'.repeat(9_990) }, plan(''), false, note, words);
    expect(found).toEqual({ grounds: `At most ${10_000 - note.length - 2} characters.`, items: 'Give at least one item.' });
    expect(validateSending(FIELDS, plan('x.com/1', new Map([['x.com/1', 'CD-1']])), true, '', words)).toEqual({});
  });
});
