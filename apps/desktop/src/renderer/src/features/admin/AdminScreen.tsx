import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { tablistKeys } from '../common/tablist-keys';
import { DeliveriesTab } from './DeliveriesTab';
import { IntegrationsTab } from './IntegrationsTab';
import { PlatformsTab } from './PlatformsTab';
import { PolicyTab } from './PolicyTab';
import { UsersTab } from './UsersTab';
import '../../styles/kit.css';
import '../../styles/admin.css';

type Tab = 'platforms' | 'users' | 'policy' | 'integrations' | 'deliveries';
const TABS: readonly Tab[] = ['platforms', 'users', 'policy', 'integrations', 'deliveries'];

const PANELS: Readonly<Record<Tab, () => React.JSX.Element>> = {
  platforms: PlatformsTab,
  users: UsersTab,
  policy: PolicyTab,
  integrations: IntegrationsTab,
  deliveries: DeliveriesTab,
};

export function AdminScreen() {
  const { t } = useTranslation('admin');
  const role = useDesk((state) => state.sync.actor?.role);
  const [tab, setTab] = useState<Tab>('platforms');
  if (role !== 'prefect') {
    return (
      <section className="kit-screen" aria-labelledby="ad-title">
        <h1 id="ad-title">{t('title')}</h1>
        <p className="kit-panel" data-testid="admin-forbidden">
          {t('forbidden')}
        </p>
      </section>
    );
  }
  const Panel = PANELS[tab];
  return (
    <section className="kit-screen" aria-labelledby="ad-title">
      <h1 id="ad-title">{t('title')}</h1>
      <div
        role="tablist"
        className="kit-tabs"
        aria-label={t('title')}
        onKeyDown={tablistKeys(TABS, tab, setTab, (value) => `ad-tab-${value}`)}
      >
        {TABS.map((value) => (
          <button
            key={value}
            id={`ad-tab-${value}`}
            role="tab"
            type="button"
            aria-selected={tab === value}
            aria-controls={`ad-panel-${value}`}
            tabIndex={tab === value ? 0 : -1}
            data-testid={`admin-tab-${value}`}
            onClick={() => setTab(value)}
          >
            {t(`tabs.${value}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`ad-panel-${tab}`} aria-labelledby={`ad-tab-${tab}`}>
        <Panel />
      </div>
    </section>
  );
}
