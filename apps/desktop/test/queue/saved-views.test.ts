import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/renderer/src/features/queue/queue-filters';
import {
  queueStorageKey,
  readQueueMemory,
  writeQueueMemory,
  type KeyValueStorage,
} from '../../src/renderer/src/features/queue/queue-storage';
import {
  initialView,
  restoreView,
  sameView,
  storeView,
  type QueuePlace,
  type QueueView,
} from '../../src/renderer/src/features/queue/queue-view';
import {
  addView,
  matchingView,
  nameProblem,
  removeView,
  renameView,
  restoreSavedViews,
  storeSavedViews,
  MAX_SAVED_VIEWS,
} from '../../src/renderer/src/features/queue/saved-views';

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const P0_META: QueueView = {
  tab: 'late',
  order: 'newest',
  filters: {
    ...NO_FILTERS,
    text: 'lantern',
    platforms: new Set(['meta', 'x']),
    priorities: new Set(['P0']),
    statuses: new Set(['open', 'acknowledged']),
    levels: new Set([2, 3]),
    campaigns: new Set(['Opération Lanterne']),
    owner: 'none',
  },
};

describe('a queue view, stored and read back', () => {
  it('keeps tab, order and every filter through JSON', () => {
    const back = restoreView(JSON.parse(JSON.stringify(storeView(P0_META))));
    expect(back).toEqual(P0_META);
    expect(sameView(back, P0_META)).toBe(true);
    expect(sameView(back, { ...P0_META, tab: 'all' })).toBe(false);
    expect(sameView(back, { ...P0_META, filters: { ...P0_META.filters, levels: new Set([3]) } })).toBe(false);
    // The order sets were filled in does not matter; trailing spaces in the search do not either.
    expect(sameView({ ...P0_META, filters: { ...P0_META.filters, platforms: new Set(['x', 'meta']), text: 'lantern ' } }, P0_META)).toBe(
      true,
    );
  });

  it('place and views per profile and per user; another user of the profile starts afresh', () => {
    const storage = new MemoryStorage();
    const place: QueuePlace = { view: P0_META, scrollTop: 1234, cursorId: 'r-42' };
    writeQueueMemory('prefect', 'u-claire', { place }, storage);
    writeQueueMemory('liaison-meta', 'u-lina', { place: { view: initialView('action'), scrollTop: 0, cursorId: null } }, storage);
    expect(readQueueMemory('prefect', 'u-claire', storage).place).toEqual(place);
    expect(readQueueMemory('liaison-meta', 'u-lina', storage).place?.view.tab).toBe('action');
    expect(readQueueMemory('prefect', 'u-somebody-else', storage)).toEqual({ place: null, views: [] });
    expect(readQueueMemory('unknown-profile', 'u-claire', storage)).toEqual({ place: null, views: [] });
    expect([...storage.items.keys()].sort()).toEqual([queueStorageKey('liaison-meta'), queueStorageKey('prefect')]);
  });

  it('writing the place keeps the saved views, and the other way round', () => {
    const storage = new MemoryStorage();
    const views = addView([], 'v1', 'P0 Meta', P0_META);
    writeQueueMemory('p', 'u', { views }, storage);
    writeQueueMemory('p', 'u', { place: { view: initialView('all'), scrollTop: 80, cursorId: null } }, storage);
    const memory = readQueueMemory('p', 'u', storage);
    expect(memory.views).toEqual(views);
    expect(memory.place?.scrollTop).toBe(80);
  });

  it('what does not parse falls back: a broken record, an unknown tab, a malformed filter, a bad saved view', () => {
    const storage = new MemoryStorage();
    storage.setItem(queueStorageKey('p'), '{not json');
    expect(readQueueMemory('p', 'u', storage)).toEqual({ place: null, views: [] });
    const stored = {
      version: 1,
      userId: 'u',
      place: {
        view: { tab: 'p0', order: 'sideways', filters: { ...storeView(P0_META).filters, levels: [9], owner: 'user:<script>' } },
        scrollTop: -5,
        cursorId: null,
      },
      views: [{ id: 'ok', name: 'Fine', view: storeView(P0_META) }, { id: 'bad', name: '', view: {} }, 'junk'],
    };
    storage.setItem(queueStorageKey('p'), JSON.stringify(stored));
    const memory = readQueueMemory('p', 'u', storage);
    expect(memory.place?.view.tab).toBe('all');
    expect(memory.place?.view.order).toBe('urgency');
    expect(memory.place?.view.filters.levels).toEqual(new Set());
    expect(memory.place?.view.filters.owner).toBe('');
    expect(memory.place?.view.filters.priorities).toEqual(new Set(['P0']));
    expect(memory.place?.scrollTop).toBe(0);
    expect(memory.views.map((view) => view.name)).toEqual(['Fine']);
  });

  it('a storage that throws (quota, disabled) is ignored', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(() => writeQueueMemory('p', 'u', { views: [] }, broken)).not.toThrow();
    expect(readQueueMemory('p', 'u', broken)).toEqual({ place: null, views: [] });
  });
});

describe('named views', () => {
  it('save, rename, delete; listed by name', () => {
    let views = addView([], 'a', 'Zeta', initialView('all'));
    views = addView(views, 'b', '  P0 Meta ', P0_META);
    expect(views.map((view) => view.name)).toEqual(['P0 Meta', 'Zeta']);
    views = renameView(views, 'a', 'Alpha');
    expect(views.map((view) => [view.id, view.name])).toEqual([
      ['a', 'Alpha'],
      ['b', 'P0 Meta'],
    ]);
    views = removeView(views, 'b');
    expect(views.map((view) => view.id)).toEqual(['a']);
    expect(restoreSavedViews(JSON.parse(JSON.stringify(storeSavedViews(views))))).toEqual(views);
  });

  it('names: not empty, not too long, not taken (any case), thirty at most; renaming may keep its own name', () => {
    const views = addView([], 'a', 'P0 Meta', P0_META);
    expect(nameProblem(views, '  ')).toBe('empty');
    expect(nameProblem(views, 'x'.repeat(61))).toBe('tooLong');
    expect(nameProblem(views, 'p0 meta')).toBe('taken');
    expect(nameProblem(views, 'P0 Meta', 'a')).toBeNull();
    expect(addView(views, 'b', 'P0 META', initialView('all'))).toEqual(views);
    const full = Array.from({ length: MAX_SAVED_VIEWS }, (_, i) => ({ id: `${i}`, name: `View ${i}`, view: initialView('all') }));
    expect(nameProblem(full, 'One more')).toBe('tooMany');
    expect(nameProblem(full, 'Renamed', '3')).toBeNull();
  });

  it('the view in use is the saved one equal to the current tab, filters and order', () => {
    const views = addView(addView([], 'a', 'All', initialView('all')), 'b', 'P0 Meta', P0_META);
    expect(matchingView(views, restoreView(storeView(P0_META)))?.id).toBe('b');
    expect(matchingView(views, { ...P0_META, order: 'urgency' })).toBeNull();
  });
});
