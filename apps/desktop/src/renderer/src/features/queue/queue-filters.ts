import { ownerOf, type RequestSide, type RequestStatus } from '@contact-desk/shared';
import type { IndexedRequest } from './queue-index';
import { campaignKey } from '../campaigns/campaign-of';

/**
 * Who handles a request on the viewer's side: anyone (''), me, nobody yet, or one colleague
 * (`user:<id>`). "Me" stays relative, so a saved view "mine" follows whoever uses the profile.
 */
export type OwnerFilter = '' | 'me' | 'none' | `user:${string}`;

export interface QueueFilters {
  readonly text: string;
  readonly platforms: ReadonlySet<string>;
  readonly statuses: ReadonlySet<RequestStatus>;
  readonly priorities: ReadonlySet<string>;
  /** Escalation levels, 0 (none) to 3 (prefect). */
  readonly levels: ReadonlySet<number>;
  readonly campaigns: ReadonlySet<string>;
  readonly owner: OwnerFilter;
}

export const NO_FILTERS: QueueFilters = {
  text: '',
  platforms: new Set(),
  statuses: new Set(),
  priorities: new Set(),
  levels: new Set(),
  campaigns: new Set(),
  owner: '',
};

export function isFiltered(filters: QueueFilters): boolean {
  return (
    filters.text.trim() !== '' ||
    filters.platforms.size > 0 ||
    filters.statuses.size > 0 ||
    filters.priorities.size > 0 ||
    filters.levels.size > 0 ||
    filters.campaigns.size > 0 ||
    filters.owner !== ''
  );
}

/** Whose owner the filter reads, and who "me" is. */
export interface OwnerContext {
  readonly side: RequestSide;
  readonly userId: string | null;
}

function ownerMatches(filter: Exclude<OwnerFilter, ''>, owner: string | null, me: string | null): boolean {
  if (filter === 'none') return owner === null;
  if (filter === 'me') return owner !== null && owner === me;
  return owner === filter.slice('user:'.length);
}

export function matchesFilters(entry: IndexedRequest, filters: QueueFilters, terms: readonly string[], owners: OwnerContext): boolean {
  const { request } = entry;
  if (filters.platforms.size > 0 && !filters.platforms.has(request.platformId)) return false;
  if (filters.statuses.size > 0 && !filters.statuses.has(request.status)) return false;
  if (filters.priorities.size > 0 && !filters.priorities.has(request.sla.label)) return false;
  if (filters.levels.size > 0 && !filters.levels.has(request.escalationLevel)) return false;
  if (filters.campaigns.size > 0 && !filters.campaigns.has(campaignKey(request) ?? '')) return false;
  if (filters.owner !== '' && !ownerMatches(filters.owner, ownerOf(request, owners.side), owners.userId)) return false;
  for (const term of terms) if (!entry.search.includes(term)) return false;
  return true;
}
