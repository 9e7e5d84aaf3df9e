import { describe, expect, it } from 'vitest';
import { formatDuration, formatShare } from '../src/index.js';

const MIN = 60_000;
const H = 60 * MIN;

describe('one duration format for every document', () => {
  it.each([
    [0, '0 min', '0 min'],
    [1, '< 1 min', '< 1 min'],
    [59_999, '< 1 min', '< 1 min'],
    [MIN, '1 min', '1 min'],
    [59 * MIN + 59_999, '59 min', '59 min'],
    [H, '1 h 00', '1 h 00'],
    [2 * H + 5 * MIN + 30_000, '2 h 05', '2 h 05'],
    [47 * H + 59 * MIN, '47 h 59', '47 h 59'],
    [48 * H, '2 j 00 h', '2 d 00 h'],
    [3 * 24 * H + 4 * H + 59 * MIN, '3 j 04 h', '3 d 04 h'],
    [-5 * MIN, '−5 min', '−5 min'],
  ])('%d ms is written "%s" in French and "%s" in English', (ms, fr, en) => {
    expect(formatDuration(ms, 'fr')).toBe(fr);
    expect(formatDuration(ms, 'en')).toBe(en);
  });

  it('truncates, never rounds up: a figure never claims time that has not passed', () => {
    expect(formatDuration(H - 1, 'fr')).toBe('59 min');
    expect(formatDuration(48 * H - 1, 'fr')).toBe('47 h 59');
  });

  it('writes a missing duration as a dash', () => {
    expect(formatDuration(undefined, 'fr')).toBe('—');
    expect(formatDuration(null, 'en')).toBe('—');
    expect(formatDuration(Number.NaN, 'en')).toBe('—');
  });
});

describe('one share format for every document', () => {
  it('one decimal, the language’s separator', () => {
    expect(formatShare(3 / 14, 'fr')).toBe('21,4 %');
    expect(formatShare(3 / 14, 'en')).toBe('21.4%');
    expect(formatShare(4 / 15, 'fr')).toBe('26,7 %');
    expect(formatShare(1, 'fr')).toBe('100,0 %');
    expect(formatShare(0, 'en')).toBe('0.0%');
  });

  it('writes a share of nothing as a dash', () => {
    expect(formatShare(undefined, 'fr')).toBe('—');
  });
});
