import type { Campaign, PriorityPolicy, Request } from '@contact-desk/shared';
import { campaignKey, campaignName } from '../campaigns/campaign-of';
import { eachInSteps, type Work } from '../common/sliced-work';

export interface FilterOption<T> {
  readonly value: T;
  readonly label: string;
}

/** What the requests themselves offer the filters: their campaigns and their priorities. */
export interface RequestFilterValues {
  readonly campaigns: readonly FilterOption<string>[];
  readonly priorities: readonly FilterOption<string>[];
}

export interface FilterValuesSource {
  readonly requests: ReadonlyMap<string, Request>;
  readonly policy: PriorityPolicy;
  readonly campaigns: ReadonlyMap<string, Campaign>;
}

export const NO_FILTER_VALUES: RequestFilterValues = { campaigns: [], priorities: [] };

/**
 * Every campaign the requests are filed under (named as people read it) and every priority label
 * they carry or the policy defines, each once and sorted as the filters list them; with a
 * possible pause every few thousand requests.
 */
export function* filterValuesInSteps({ requests, policy, campaigns }: FilterValuesSource): Work<RequestFilterValues> {
  const campaignNames = new Map<string, string>();
  const labels = new Set(policy.levels.map((level) => level.label));
  yield* eachInSteps(requests.values(), (request) => {
    const key = campaignKey(request);
    if (key) campaignNames.set(key, campaignName(request, campaigns) ?? key);
    labels.add(request.sla.label);
  });
  return {
    campaigns: [...campaignNames].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label)),
    priorities: [...labels].sort().map((label) => ({ value: label, label })),
  };
}
