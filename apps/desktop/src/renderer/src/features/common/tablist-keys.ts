import type { KeyboardEvent } from 'react';

/**
 * The keys of a tablist (the WAI-ARIA tabs pattern), for its onKeyDown: the right and left arrows
 * select the next or previous tab, round the ends, and move focus to it; `tabId` is a tab's id.
 */
export function tablistKeys<T extends string>(tabs: readonly T[], current: T, select: (tab: T) => void, tabId: (tab: T) => string) {
  return (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const next = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length];
    if (step === 0 || next === undefined) return;
    event.preventDefault();
    select(next);
    document.getElementById(tabId(next))?.focus();
  };
}
