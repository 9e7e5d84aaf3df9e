import type { Campaign, ProtocolError } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { emergencyMeeting } from './campaign-model';

/** How soon the emergency meeting is convened. */
const LEAD_MS = 30 * 60_000;

/**
 * Convenes the campaign's emergency meeting: the meeting, then one agenda item per platform with
 * its requests still waiting, queued in order. Stops at the first refusal and says so.
 */
export function useEmergencyMeeting(campaign: Campaign) {
  const { t } = useTranslation('campaigns');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ProtocolError | null>(null);
  const convene = async (): Promise<string | null> => {
    const { view, relayNow, perform } = useDesk.getState();
    const plan = emergencyMeeting(campaign, view.requests.values(), (id) => view.platforms.get(id)?.name ?? id, relayNow() + LEAD_MS, {
      title: t('screen.meetingTitle', { name: campaign.name }),
      item: (platform, count) => t('screen.meetingItem', { platform, count }),
    });
    setBusy(true);
    setError(null);
    try {
      for (const mutation of plan.mutations) {
        const outcome = await perform(mutation.type, mutation.args);
        if (!outcome.ok) {
          setError(outcome.error);
          return null;
        }
      }
      return plan.meetingId;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, convene };
}
