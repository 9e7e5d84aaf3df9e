import { ESCALATION_TARGETS, type RequestSide, type TriageViewer, type User } from '@contact-desk/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { ownerSide } from './queue-triage';
import { campaignKey, campaignName } from '../campaigns/campaign-of';

export interface FilterOption<T> {
  readonly value: T;
  readonly label: string;
}

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

  const { campaigns, priorities } = useMemo(() => {
    const campaignNames = new Map<string, string>();
    const labels = new Set(policy.levels.map((level) => level.label));
    for (const request of requests.values()) {
      const key = campaignKey(request);
      if (key) campaignNames.set(key, campaignName(request, campaignRecords) ?? key);
      labels.add(request.sla.label);
    }
    return {
      campaigns: [...campaignNames].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label)),
      priorities: [...labels].sort().map((label) => ({ value: label, label })),
    };
  }, [requests, policy, campaignRecords]);

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
