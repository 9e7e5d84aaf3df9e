import type { TriageViewer } from '@contact-desk/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDesk } from '../../state/desk-store';
import { readQueueMemory, writeQueueMemory } from './queue-storage';
import { defaultTab, tabsFor } from './queue-triage';
import { initialView, type QueuePlace, type QueueView } from './queue-view';

const SCROLL_WRITE_MS = 250;

/** A stored view whose tab the viewer does not have (an observer's "Needs action") opens on their default tab. */
function fitView(view: QueueView, viewer: TriageViewer | null): QueueView {
  return tabsFor(viewer).includes(view.tab) ? view : { ...view, tab: defaultTab(viewer) };
}

function remembered(profile: string, viewer: TriageViewer | null): QueuePlace {
  const place = readQueueMemory(profile, viewer?.userId ?? null).place;
  if (!place) return { view: initialView(defaultTab(viewer)), scrollTop: 0, cursorId: null };
  return { ...place, view: fitView(place.view, viewer) };
}

/**
 * The user's place in the queue — tab, filters, order, scroll position and cursor row — kept per
 * profile across navigation, reloads and restarts (see queue-storage.ts).
 */
export function useQueuePlace(viewer: TriageViewer | null) {
  const profile = useDesk((s) => s.profile);
  const userId = viewer?.userId ?? null;
  const [start] = useState(() => remembered(profile, viewer));
  const [view, setViewState] = useState<QueueView>(start.view);
  const [cursorId, setCursorId] = useState<string | null>(start.cursorId);
  const place = useRef<QueuePlace>(start);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    writeQueueMemory(profile, userId, { place: place.current });
  }, [profile, userId]);

  const later = useCallback(() => {
    if (timer.current === undefined) timer.current = setTimeout(flush, SCROLL_WRITE_MS);
  }, [flush]);

  const setView = useCallback(
    (next: QueueView | ((previous: QueueView) => QueueView)) => {
      setViewState((previous) => {
        const value = typeof next === 'function' ? next(previous) : next;
        place.current = { ...place.current, view: value };
        return value;
      });
      later();
    },
    [later],
  );

  const rememberScroll = useCallback(
    (scrollTop: number) => {
      place.current = { ...place.current, scrollTop };
      later();
    },
    [later],
  );

  const moveCursor = useCallback(
    (id: string | null) => {
      setCursorId(id);
      place.current = { ...place.current, cursorId: id };
      later();
    },
    [later],
  );

  // Written when leaving the screen (opening a request) and when the page goes away (reload, quit).
  useEffect(() => {
    globalThis.addEventListener?.('pagehide', flush);
    return () => {
      globalThis.removeEventListener?.('pagehide', flush);
      if (timer.current !== undefined) flush();
    };
  }, [flush]);

  /** Where the list was scrolled last: a list shown again (after an empty tab, or on return) starts there. */
  const savedScrollTop = useCallback(() => place.current.scrollTop, []);

  return { view, setView, cursorId, moveCursor, savedScrollTop, rememberScroll };
}
