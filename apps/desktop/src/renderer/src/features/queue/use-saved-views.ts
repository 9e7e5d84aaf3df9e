import { newId } from '@contact-desk/shared';
import { useCallback, useState } from 'react';
import { useDesk } from '../../state/desk-store';
import { readQueueMemory, writeQueueMemory } from './queue-storage';
import { addView, removeView, renameView, type SavedView } from './saved-views';
import type { QueueView } from './queue-view';

/** The profile's named views, kept with the queue's place (queue-storage.ts). */
export function useSavedViews(userId: string) {
  const profile = useDesk((s) => s.profile);
  const [views, setViews] = useState<readonly SavedView[]>(() => readQueueMemory(profile, userId).views);

  const update = useCallback(
    (change: (views: readonly SavedView[]) => SavedView[]) => {
      const next = change(views);
      setViews(next);
      writeQueueMemory(profile, userId, { views: next });
    },
    [views, profile, userId],
  );

  return {
    views,
    save: useCallback((name: string, view: QueueView) => update((list) => addView(list, newId(), name, view)), [update]),
    rename: useCallback((id: string, name: string) => update((list) => renameView(list, id, name)), [update]),
    remove: useCallback((id: string) => update((list) => removeView(list, id)), [update]),
  };
}
