import { describe, expect, it } from 'vitest';
import { queueTexts } from '../../src/renderer/src/features/queue/texts';

/** Every key path of a texts object, plural suffixes folded (French and English plural the same keys). */
function keys(texts: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!).sort();
}

function at(texts: Record<string, unknown>, path: string): string {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], texts) as string;
}

describe('the queue’s texts', () => {
  it('French and English have the same keys, none empty', () => {
    const fr = keys(queueTexts.fr).sort();
    expect(keys(queueTexts.en).sort()).toEqual(fr);
    for (const path of fr) {
      expect(at(queueTexts.fr, path).trim(), `fr ${path}`).not.toBe('');
      expect(at(queueTexts.en, path).trim(), `en ${path}`).not.toBe('');
    }
  });

  it('each text takes the same values in both languages', () => {
    for (const path of keys(queueTexts.fr)) {
      expect(placeholders(at(queueTexts.en, path)), path).toEqual(placeholders(at(queueTexts.fr, path)));
    }
  });
});
