import { platformFigures } from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { exportFileName, lateResponseRows, minutesMarkdown } from '../src/index.js';
import { figuresTable } from '../src/figures-table.js';
import { goldenRequests, HOUR, meta, MINUTE, NOW, PERIOD, PLATFORMS, T } from './fixtures.js';
import { minutesInput } from './minutes-fixture.js';

describe('golden figures of the hand-made fixture', () => {
  it('lists the late and unanswered requests of the period, with deadlines and delays', () => {
    const rows = lateResponseRows(goldenRequests(), PLATFORMS, PERIOD, NOW);
    expect(rows.map((row) => row.ref)).toEqual(['CD-2026-0003', 'CD-2026-0004', 'CD-2026-0005', 'CD-2026-0007']);
    const [r3, r4, r5, r7] = rows;
    expect(r3).toMatchObject({
      platform: 'Été «test»; Vidéo',
      priority: 'P0',
      createdAt: T + 2 * HOUR,
      ackDeadline: T + 2 * HOUR + 15 * MINUTE,
      ackDelayMs: 5 * MINUTE,
      answerDelayMs: null,
      itemCount: 3,
      outcomesSummary: 'removed ×2, refused ×1',
      unanswered: false,
    });
    expect(r4).toMatchObject({ ackDelayMs: null, answerDelayMs: 30 * MINUTE, actionDeadline: T + 4 * HOUR });
    expect(r5).toMatchObject({
      ackAt: null,
      answeredAt: null,
      ackDelayMs: NOW - (T + 4 * HOUR + 15 * MINUTE),
      answerDelayMs: NOW - (T + 5 * HOUR),
      unanswered: true,
      status: 'open',
    });
    expect(r7).toMatchObject({ platform: 'Réseau "Social"', ackDelayMs: HOUR, answerDelayMs: null });
  });

  it('gives median and p90 by nearest rank, on-time share, late and unanswered counts', () => {
    const [p1, p2] = platformFigures(goldenRequests(), PERIOD, NOW);
    // acks 5, 8, 10, 20 min: median rank ceil(2) = 8 min, p90 rank ceil(3.6) = 4 → 20 min.
    // answers 30, 40, 50, 90 min: median 40 min, p90 90 min. Late R3 R4 R5 of 5 counted.
    expect(p1).toEqual({
      platformId: 'p1',
      created: 6,
      counted: 5,
      received: 5,
      lateWithdrawn: 0,
      withdrawn: 1,
      acknowledged: 4,
      answered: 4,
      medianTimeToAck: 480_000,
      p90TimeToAck: 1_200_000,
      medianTimeToAnswer: 2_400_000,
      p90TimeToAnswer: 5_400_000,
      onTimeShare: 0.4,
      late: 3,
      unanswered: 1,
    });
    expect(p2).toMatchObject({ counted: 1, late: 1, unanswered: 0, medianTimeToAck: 7_200_000, onTimeShare: 0 });
    const table = figuresTable([p1!, p2!], 'fr', (id) => PLATFORMS.get(id)!.name);
    expect(table.header).toEqual([
      'Plateforme',
      'Créées',
      'Retirées',
      'Comptées',
      'Accusées',
      'Répondues',
      'Accusé, médiane',
      'Accusé, p90',
      'Réponse, médiane',
      'Réponse, p90',
      'Dans les délais',
      'En retard',
      'dont retirées',
      'Sans réponse',
    ]);
    expect(table.body[0]).toEqual([
      'Été «test»; Vidéo',
      '6',
      '1',
      '5',
      '4',
      '4',
      '8 min',
      '20 min',
      '40 min',
      '1 h 30',
      '40,0 %',
      '3',
      '0',
      '1',
    ]);
    expect(table.body[1]).toEqual([
      'Réseau "Social"',
      '1',
      '0',
      '1',
      '1',
      '1',
      '2 h 00',
      '2 h 00',
      '5 h 00',
      '5 h 00',
      '0,0 %',
      '1',
      '0',
      '0',
    ]);
    const en = figuresTable([p1!], 'en');
    expect(en.body[0]).toEqual(['p1', '6', '1', '5', '4', '4', '8 min', '20 min', '40 min', '1 h 30', '40.0%', '3', '0', '1']);
  });

  it('writes the same figures in the minutes', async () => {
    const text = new TextDecoder().decode(await minutesMarkdown(minutesInput()));
    expect(text).toContain('| Été «test»; Vidéo | 6 | 1 | 5 | 4 | 4 | 8 min | 20 min | 40 min | 1 h 30 | 40,0 % | 3 | 0 | 1 |');
  });
});

describe('exportFileName', () => {
  it('names the kind in the language and the period’s days in the zone, end excluded', () => {
    expect(exportFileName('late-list', meta(), 'csv')).toBe('retards-2026-11-01_2026-11-30-seq48213-b3f1c2d4e5.csv');
    expect(exportFileName('late-list', meta({ language: 'en' }), '.xlsx')).toBe(
      'late-responses-2026-11-01_2026-11-30-seq48213-b3f1c2d4e5.xlsx',
    );
    expect(exportFileName('figures', meta({ language: 'en' }), 'pdf')).toBe('figures-2026-11-01_2026-11-30-seq48213-b3f1c2d4e5.pdf');
    const day = { from: Date.UTC(2026, 10, 2, 23), to: Date.UTC(2026, 10, 3, 23) };
    expect(exportFileName('minutes', meta({ period: day }), 'md')).toBe('compte-rendu-2026-11-03-seq48213-b3f1c2d4e5.md');
  });

  it('tells the two CSV dialects apart', () => {
    expect(exportFileName('late-list', meta(), 'csv', 'excel')).toBe('retards-2026-11-01_2026-11-30-seq48213-b3f1c2d4e5-excel.csv');
    expect(exportFileName('late-list', meta(), 'csv', 'rfc4180')).toBe('retards-2026-11-01_2026-11-30-seq48213-b3f1c2d4e5-rfc4180.csv');
  });

  it('cites the log position: seq and the head hash’s first 12 digits', () => {
    const headHash = '9b433cbda988761756e6121076a0f5055317bdf1cb09c91389ccd7b98e1b3d68';
    expect(exportFileName('late-list', meta({ headHash }), 'csv')).toBe('retards-2026-11-01_2026-11-30-seq48213-9b433cbda988.csv');
    const { headHash: _unknown, ...withoutHash } = meta();
    expect(exportFileName('late-list', withoutHash, 'csv')).toBe('retards-2026-11-01_2026-11-30-seq48213.csv');
  });
});
