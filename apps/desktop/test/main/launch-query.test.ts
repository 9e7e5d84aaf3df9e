import { describe, expect, it } from 'vitest';
import { launchQuery } from '../../src/main/launch-query';

describe('launchQuery', () => {
  it('keeps only the known launch options', () => {
    expect(launchQuery('profile=prefect&relay=http://127.0.0.1:4410&code=AB12-CD34-EF56&autoEnroll=1&evil=x', false)).toBe(
      '?profile=prefect&relay=http%3A%2F%2F127.0.0.1%3A4410&code=AB12-CD34-EF56&autoEnroll=1',
    );
  });
  it('is ignored by a packaged app and when absent', () => {
    expect(launchQuery('profile=prefect', true)).toBe('');
    expect(launchQuery(undefined, false)).toBe('');
  });
  it('drops oversized values', () => {
    expect(launchQuery(`code=${'x'.repeat(500)}`, false)).toBe('');
  });
});
