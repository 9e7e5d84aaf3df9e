import { domainsOf, type Platform as DeskPlatform } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { TableHeader } from '../common/TableHeader';
import { PanelHead, RowButton } from './PanelHead';
import { AddPlatformDialog, EditPlatformDialog } from './PlatformDialogs';

export function PlatformsTab() {
  const { t } = useTranslation(['admin', 'common']);
  const platformMap = useDesk((state) => state.view.platforms);
  const platforms = [...platformMap.values()];
  const users = useDesk((state) => state.view.users);
  const [editing, setEditing] = useState<DeskPlatform | null>(null);
  const [adding, setAdding] = useState(false);
  const sorted = platforms.sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="kit-panel">
      <PanelHead title={t('tabs.platforms')} add={{ label: t('platforms.add'), onClick: () => setAdding(true), testId: 'platform-add' }} />
      <div className="kit-table-wrap">
        <table className="kit-table ad-platforms" data-testid="platform-table">
          <TableHeader
            columns={[
              { label: t('platforms.name'), className: 'ad-col-name' },
              { label: t('platforms.kind'), className: 'ad-col-kind' },
              { label: t('platforms.domains'), className: 'ad-col-domains' },
              { label: t('platforms.active'), className: 'ad-col-active' },
              { label: t('platforms.liaisons') },
              { label: t('platforms.backup'), className: 'ad-col-backup' },
              { label: t('platforms.contact'), className: 'ad-col-contact' },
              { label: t('edit'), className: 'ad-col-actions', visuallyHidden: true },
            ]}
          />
          <tbody>
            {sorted.map((platform) => {
              const liaisons = [...users.values()].filter((user) => user.platformId === platform.id && user.revokedAt === null);
              return (
                <tr key={platform.id} data-testid="platform-row" data-platform={platform.id}>
                  <td>
                    <strong>{platform.name}</strong>
                    <div className="kit-hint">{platform.id}</div>
                  </td>
                  <td>{t(`common:platformKind.${platform.kind}`)}</td>
                  <td data-testid="platform-domain-list">
                    <span className="ad-domain-list">{domainsOf(platform).join(', ') || t('none')}</span>
                    {platform.domains === undefined && domainsOf(platform).length > 0 ? (
                      <div className="kit-hint">{t('platforms.domainsUsual')}</div>
                    ) : null}
                  </td>
                  <td>{platform.active ? t('platforms.active') : <span className="kit-badge-off">{t('platforms.inactive')}</span>}</td>
                  <td>{liaisons.map((user) => user.name).join(', ') || t('none')}</td>
                  <td>{(platform.backupLiaisonId && users.get(platform.backupLiaisonId)?.name) || t('none')}</td>
                  <td>
                    {platform.escalationContact ? (
                      <>
                        {platform.escalationContact.name}
                        <div className="kit-hint">
                          {[platform.escalationContact.email, platform.escalationContact.phone].filter(Boolean).join(' · ')}
                        </div>
                      </>
                    ) : (
                      t('none')
                    )}
                  </td>
                  <td className="ad-col-actions">
                    <RowButton
                      onClick={() => setEditing(platform)}
                      data-testid="platform-edit"
                      aria-label={t('platforms.editTitle', { name: platform.name })}
                    >
                      {t('edit')}
                    </RowButton>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {adding ? <AddPlatformDialog onClose={() => setAdding(false)} /> : null}
      {editing ? <EditPlatformDialog platform={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
