import { ESCALATION_TARGETS, type RequestSide, type TriageViewer, type User } from '@contact-desk/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { ownerSide } from './queue-triage';

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
  const { t } = useTranslation('queue');
  const platforms = useDesk((s) => s.view.platforms);
  const requests = useDesk((s) => s.view.requests);
  const policy = useDesk((s) => s.view.policy);
  const users = useDesk((s) => s.view.users);

  const platformOptions = useMemo<FilterOption<string>[]>(
    () => [...platforms.values()].map((p) => ({ value: p.id, label: p.name })).sort((a, b) => a.label.localeCompare(b.label)),
    [platforms],
  );

  const { campaigns, priorities } = useMemo(() => {
    const campaignSet = new Set<string>();
    const labels = new Set(policy.levels.map((level) => level.label));
    for (const request of requests.values()) {
      if (request.campaign) campaignSet.add(request.campaign);
      labels.add(request.sla.label);
    }
    return {
      campaigns: [...campaignSet].sort((a, b) => a.localeCompare(b)).map((campaign) => ({ value: campaign, label: campaign })),
      priorities: [...labels].sort().map((label) => ({ value: label, label })),
    };
  }, [requests, policy]);

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
