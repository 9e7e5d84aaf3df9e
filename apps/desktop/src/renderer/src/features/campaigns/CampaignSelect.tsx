import type { Campaign } from '@contact-desk/shared';
import { useMemo, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';

type SelectAttributes = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'> & {
  readonly 'data-testid'?: string;
};

/** The open campaigns, newest first, and `keep` (a request's own campaign) even once closed. */
export function pickableCampaigns(campaigns: Iterable<Campaign>, keep: string | null): Campaign[] {
  return [...campaigns]
    .filter((campaign) => campaign.status === 'open' || campaign.id === keep)
    .sort((a, b) => b.startedAt - a.startedAt || a.name.localeCompare(b.name));
}

/**
 * Picks a campaign from those the ministry started, never typed: a typo would split a crisis in
 * two. The value is a campaign id, or `null` for none.
 */
export function CampaignSelect({
  value,
  onChange,
  ...attributes
}: SelectAttributes & { readonly value: string | null; readonly onChange: (campaignId: string | null) => void }) {
  const { t } = useTranslation('campaigns');
  const campaigns = useDesk((state) => state.view.campaigns);
  const options = useMemo(() => pickableCampaigns(campaigns.values(), value), [campaigns, value]);
  return (
    <select {...attributes} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
      <option value="">{t('select.none')}</option>
      {options.map((campaign) => (
        <option key={campaign.id} value={campaign.id}>
          {campaign.status === 'open' ? campaign.name : t('select.closed', { name: campaign.name })}
        </option>
      ))}
    </select>
  );
}
