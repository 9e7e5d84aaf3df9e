import { LIMITS, PENDING_STATUSES, platformDomains, type Platform, type Request } from '@contact-desk/shared';
import { useDeferredValue, useMemo, useState } from 'react';
import { useDesk } from '../../state/desk-store';
import { pastePlan, type Choices } from './paste-plan';

/** The requests still open, by reference, and their normalised locations with that reference. */
function openRequests(requests: Iterable<Request>): { byRef: Map<string, Request>; locations: Map<string, string> } {
  const byRef = new Map<string, Request>();
  const locations = new Map<string, string>();
  for (const request of requests) {
    if (!PENDING_STATUSES.includes(request.status)) continue;
    byRef.set(request.ref, request);
    for (const item of request.items) if (!locations.has(item.normalized)) locations.set(item.normalized, request.ref);
  }
  return { byRef, locations };
}

/**
 * The pasted list and what the ministry decided about it — one platform for everything or each
 * item to its platform, items given a platform by hand or left out — and the plan they make
 * with the active platforms' domains and the requests still open.
 */
export function usePaste() {
  const view = useDesk((state) => state.view);
  const [text, setText] = useState('');
  const [platformId, setPlatformId] = useState('');
  const [choices, setChoices] = useState<Choices>(() => new Map());
  const [confirmOpen, setConfirmOpen] = useState(false);

  const platforms = useMemo(
    () => [...view.platforms.values()].filter((platform) => platform.active).sort((a, b) => a.name.localeCompare(b.name)),
    [view.platforms],
  );
  const domains = useMemo(() => platformDomains(platforms), [platforms]);
  const open = useMemo(() => openRequests(view.requests.values()), [view.requests]);
  // Sorting a list of hundreds takes a few milliseconds: the preview follows the text as soon as
  // typing leaves time for it.
  const pasted = useDeferredValue(text);
  const plan = useMemo(
    () => pastePlan({ pasted, domains, openLocations: open.locations, limit: LIMITS.itemsPerRequest, platformId, choices }),
    [pasted, domains, open.locations, platformId, choices],
  );

  /** Gives items a platform (or `null`: left out), or forgets the choice (`undefined`). */
  const choose = (items: readonly string[], choice: string | null | undefined) =>
    setChoices((previous) => {
      const next = new Map(previous);
      for (const item of items) {
        if (choice === undefined) next.delete(item);
        else next.set(item, choice);
      }
      return next;
    });

  /** A new list: the previous choices no longer apply. */
  const replace = (next: string) => {
    setText(next);
    setChoices(new Map());
    setConfirmOpen(false);
  };

  const platformOf = (id: string): Platform | undefined => view.platforms.get(id);
  return {
    text,
    setText,
    replace,
    platformId,
    setPlatformId,
    choices,
    choose,
    confirmOpen,
    setConfirmOpen,
    platforms,
    platformOf,
    openByRef: open.byRef,
    plan,
  };
}

export type Paste = ReturnType<typeof usePaste>;
