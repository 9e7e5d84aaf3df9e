import { ESCALATION_TARGETS, type RequestSide, type TriageViewer, type User } from '@contact-desk/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { fewRequests } from '../common/sliced-work';
import { useSlicedValue } from '../common/use-sliced-value';
import { filterValuesInSteps, NO_FILTER_VALUES, type FilterOption } from './filter-values';
import { ownerSide } from './queue-triage';

function onSide(user: User, side: RequestSide, viewer: TriageViewer): boolean {
  if (user.revokedAt !== null) return false;
  return side === 'ministry'
    ? user.role === 'prefect' || user.role === 'operator'
    : user.role === 'liaison' && user.platformId === viewer.platformId;
}

/** The values the filters offer, from what the desk holds: platforms, campaigns, priorities, levels, colleagues. */
export function useFilterOptions(viewer: TriageViewer) {
  const { t } = useTranslation(['queue', 'common']);
  const platforms = useDesk((s) => s.view.platforms);
  const requests = useDesk((s) => s.view.requests);
  const policy = useDesk((s) => s.view.policy);
  const users = useDesk((s) => s.view.users);
  const campaignRecords = useDesk((s) => s.view.campaigns);

  const platformOptions = useMemo<FilterOption<string>[]>(
    () => [...platforms.values()].map((p) => ({ value: p.id, label: p.name })).sort((a, b) => a.label.localeCompare(b.label)),
    [platforms],
  );

  // Over every request: at once on a small desk, in slices on a large one.
  const source = useMemo(() => ({ requests, policy, campaigns: campaignRecords }), [requests, policy, campaignRecords]);
  const { campaigns, priorities } = useSlicedValue(source, filterValuesInSteps, fewRequests) ?? NO_FILTER_VALUES;

  const levels = useMemo<FilterOption<number>[]>(
    () =>
      ESCALATION_TARGETS.map((target, level) => ({
        value: level,
        label: t('filters.levelOption', { level, target: t(`common:escalation.${target}`) }),
      })),
    [t],
  );

  const colleagues = useMemo(() => {
    const side = ownerSide(viewer);
    return [...users.values()]
      .filter((user) => user.id !== viewer.userId && onSide(user, side, viewer))
      .map((user) => ({ value: user.id, label: user.name }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [users, viewer]);

  return { platforms: platformOptions, campaigns, priorities, levels, colleagues };
}
