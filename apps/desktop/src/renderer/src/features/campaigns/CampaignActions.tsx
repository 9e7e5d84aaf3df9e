import { mutationsFor, type Campaign } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDesk } from '../../state/desk-store';
import { ConfirmDialog } from '../admin/AdminDialogs';
import { RefusalNote } from '../common/RefusalNote';
import { useEmergencyMeeting } from './use-emergency-meeting';

/** What the ministry does with a campaign: close or reopen it, convene an emergency meeting on it. */
export function CampaignActions({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  const actor = useDesk((state) => state.sync.actor);
  const perform = useDesk((state) => state.perform);
  const go = useNavigation((state) => state.go);
  const [closing, setClosing] = useState(false);
  const meeting = useEmergencyMeeting(campaign);
  const allowed = actor && actor.role !== 'system' ? mutationsFor(actor.role) : [];
  const close = async () => {
    const outcome = await perform('campaign.close', { campaignId: campaign.id });
    return outcome.ok ? null : outcome.error;
  };
  const reopen = async () => {
    const outcome = await perform('campaign.reopen', { campaignId: campaign.id });
    if (!outcome.ok) meeting.setError(outcome.error);
  };
  const convene = async () => {
    const meetingId = await meeting.convene();
    if (meetingId) go({ screen: 'meeting', meetingId });
  };
  return (
    <div className="cp-actions">
      {allowed.includes('meeting.create') && (
        <button
          type="button"
          className="kit-button kit-button-primary"
          disabled={meeting.busy}
          data-testid="campaign-meeting"
          onClick={() => void convene()}
        >
          {meeting.busy ? t('screen.meetingWorking') : t('screen.meeting')}
        </button>
      )}
      {allowed.includes('campaign.close') && campaign.status === 'open' && (
        <button
          type="button"
          className="kit-button kit-button-danger-outline"
          data-testid="campaign-close"
          onClick={() => setClosing(true)}
        >
          {t('screen.close')}
        </button>
      )}
      {allowed.includes('campaign.reopen') && campaign.status === 'closed' && (
        <button type="button" className="kit-button" data-testid="campaign-reopen" onClick={() => void reopen()}>
          {t('screen.reopen')}
        </button>
      )}
      <RefusalNote error={meeting.error} />
      {closing && (
        <ConfirmDialog
          title={t('screen.close')}
          text={t('screen.closeConfirm', { name: campaign.name })}
          confirmLabel={t('screen.close')}
          onConfirm={close}
          onClose={() => setClosing(false)}
        />
      )}
    </div>
  );
}
