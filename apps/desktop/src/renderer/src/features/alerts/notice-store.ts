import type { DomainEvent } from '@contact-desk/shared';
import { create } from 'zustand';
import { useDesk } from '../../state/desk-store';
import { dismissNotices, pruneNotices, receiveEvents, type Notice, type NoticeBook } from './notice-model';

/** Where the book is kept in the profile's local database (see `readLocal` in the desk store). */
const BOOK_KEY = 'notices';
/** Events applied before the book is read are held, up to this many, then read into it. */
const MAX_HELD_EVENTS = 50_000;

interface NoticeState {
  /** Null until read from the profile's local database. */
  readonly book: NoticeBook | null;
  /** Reads the profile's book (a new one starts at the relay's time now) and takes in held events. */
  open(): Promise<void>;
  /** Takes in applied events; returns the notices they raised. */
  receive(events: readonly DomainEvent[]): readonly Notice[];
  dismiss(ids: ReadonlySet<string> | 'all'): void;
  /** Forgets the book (sign-out): the next profile reads its own. */
  close(): void;
}

function isBook(value: unknown): value is NoticeBook {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as NoticeBook).since === 'number' &&
    Array.isArray((value as NoticeBook).notices)
  );
}

const addedListeners = new Set<(notices: readonly Notice[]) => void>();

/** Called with the notices each batch of events raised (for the desktop notifications). */
export function onNoticesAdded(listener: (notices: readonly Notice[]) => void): () => void {
  addedListeners.add(listener);
  return () => addedListeners.delete(listener);
}

export const useNotices = create<NoticeState>()((set, get) => {
  let held: DomainEvent[] = [];
  const keep = (book: NoticeBook) => {
    set({ book });
    void useDesk.getState().writeLocal(BOOK_KEY, book);
  };
  return {
    book: null,

    async open() {
      const desk = useDesk.getState();
      const stored = await desk.readLocal(BOOK_KEY);
      keep(isBook(stored) ? pruneNotices(stored, desk.relayNow()) : { since: desk.relayNow(), notices: [] });
      const waiting = held;
      held = [];
      if (waiting.length > 0) get().receive(waiting);
    },

    receive(events) {
      const { book } = get();
      if (book === null) {
        held = [...held, ...events].slice(-MAX_HELD_EVENTS);
        return [];
      }
      const { view, sync } = useDesk.getState();
      if (!sync.actor) return [];
      const { book: next, added } = receiveEvents(book, events, view, sync.actor);
      if (added.length === 0) return added;
      keep(next);
      for (const listener of addedListeners) listener(added);
      return added;
    },

    dismiss(ids) {
      const { book } = get();
      if (book) keep(dismissNotices(book, ids, useDesk.getState().relayNow()));
    },

    close() {
      held = [];
      set({ book: null });
    },
  };
});
