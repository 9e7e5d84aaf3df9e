import { describe, expect, it } from 'vitest';
import { FEATURE_TEXTS } from '../../src/renderer/src/app/features';

/** Every key path of a text tree, plural suffixes kept (`count_one`, `count_other`). */
function keysOf(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** The `{{placeholders}}` of a text. */
function placeholders(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!).sort() : [];
}

function at(tree: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
}

describe('the texts of every feature', () => {
  it('registers each namespace once (tsc checks that every namespace read is registered)', () => {
    const namespaces = FEATURE_TEXTS.map((feature) => feature.namespace);
    expect(new Set(namespaces).size).toBe(namespaces.length);
  });

  for (const feature of FEATURE_TEXTS) {
    it(`${feature.namespace}: French and English have the same keys, each with the same placeholders`, () => {
      const french = keysOf(feature.fr).sort();
      expect(french.length).toBeGreaterThan(0);
      const english = keysOf(feature.en).sort();
      expect(english).toEqual(french);
      for (const key of french) {
        expect(placeholders(at(feature.en, key)), `${feature.namespace}:${key}`).toEqual(placeholders(at(feature.fr, key)));
      }
    });
  }
});
