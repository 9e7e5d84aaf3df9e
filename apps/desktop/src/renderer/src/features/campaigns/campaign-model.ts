import {
  campaignFigures,
  campaignRequests,
  newId,
  PENDING_STATUSES,
  ALL_PLATFORMS,
  type Campaign,
  type MutationType,
  type PlatformFigures,
  type Request,
} from '@contact-desk/shared';

/** A campaign as the list shows it: how many requests were sent under it, how many are late. */
export interface CampaignListRow {
  readonly campaign: Campaign;
  readonly sent: number;
  readonly late: number;
  readonly platformIds: readonly string[];
}

/** Open campaigns first, newest first; then the closed ones, last closed first. */
export function campaignList(campaigns: Iterable<Campaign>, requests: Iterable<Request>, at: number): CampaignListRow[] {
  const all = [...requests];
  return [...campaigns]
    .map((campaign) => {
      const figures = campaignFigures(all, campaign.id, at);
      const total = figures.find((row) => row.platformId === ALL_PLATFORMS);
      return {
        campaign,
        sent: total?.created ?? 0,
        late: total?.late ?? 0,
        platformIds: figures.filter((row) => row.platformId !== ALL_PLATFORMS).map((row) => row.platformId),
      };
    })
    .sort((a, b) => {
      if (a.campaign.status !== b.campaign.status) return a.campaign.status === 'open' ? -1 : 1;
      const latest = (row: CampaignListRow) => row.campaign.closedAt ?? row.campaign.startedAt;
      return latest(b) - latest(a);
    });
}

/** One mutation the emergency meeting is made of, in order. */
export interface PlannedMutation {
  readonly type: MutationType;
  readonly args: Record<string, unknown>;
}

export interface EmergencyTexts {
  readonly title: string;
  /** The agenda item of one platform, with its count of requests still waiting. */
  readonly item: (platformName: string, waiting: number) => string;
}

/**
 * An emergency meeting of the campaign: convened in `leadMs`, inviting every platform it sent
 * requests to, with one agenda item per platform listing its requests still waiting (by
 * reference), the platforms with most waiting first.
 */
export function emergencyMeeting(
  campaign: Campaign,
  requests: Iterable<Request>,
  platformName: (platformId: string) => string,
  startsAt: number,
  texts: EmergencyTexts,
): { readonly meetingId: string; readonly mutations: PlannedMutation[] } {
  const own = campaignRequests(requests, campaign.id);
  const waiting = new Map<string, string[]>();
  for (const request of own) {
    const refs = waiting.get(request.platformId) ?? [];
    if (PENDING_STATUSES.includes(request.status)) refs.push(request.ref);
    waiting.set(request.platformId, refs);
  }
  const meetingId = newId();
  const platformIds = [...waiting.keys()].sort();
  const items = [...waiting.entries()]
    .sort(([a, refsA], [b, refsB]) => refsB.length - refsA.length || platformName(a).localeCompare(platformName(b)))
    .map(([platformId, refs]): PlannedMutation => ({
      type: 'agenda.addItem',
      args: {
        itemId: newId(),
        meetingId,
        kind: 'late_requests',
        title: texts.item(platformName(platformId), refs.length),
        platformId,
        requestRefs: refs,
      },
    }));
  const meeting: PlannedMutation = {
    type: 'meeting.create',
    args: { meetingId, title: texts.title, kind: 'emergency', startsAt, place: null, videoLink: null, invitedPlatformIds: platformIds },
  };
  return { meetingId, mutations: [meeting, ...items] };
}

/** The figures rows without the total when there is a single platform (the total would repeat it). */
export function shownRows(figures: readonly PlatformFigures[]): readonly PlatformFigures[] {
  return figures.length === 2 ? figures.slice(0, 1) : figures;
}
