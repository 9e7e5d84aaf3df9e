import type { ProtocolError, User } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, type PerformOutcome } from '../../state/desk-store';
import { formatDateTime } from '../common/format';
import { TableHeader } from '../common/TableHeader';
import { RefusalNote } from '../common/RefusalNote';
import { SecretDialog } from './AdminDialogs';
import { AddUserDialog, ConfirmRevoke, EditUserDialog, type Confirm } from './UserDialogs';
import { enrollmentOf, type EnrollmentData } from './one-time-secrets';
import { PanelHead, RowButton } from './PanelHead';

export function UsersTab() {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const lang = i18n.language;
  const users = useDesk((state) => state.view.users);
  const devices = useDesk((state) => state.view.devices);
  const platforms = useDesk((state) => state.view.platforms);
  const perform = useDesk((state) => state.perform);
  const [adding, setAdding] = useState(false);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [code, setCode] = useState<EnrollmentData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const sorted = [...users.values()].sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name));

  const issued = (outcome: PerformOutcome) => {
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    const data = enrollmentOf(outcome);
    if (data) setCode(data);
    else setNotice(t('users.codePending'));
  };

  return (
    <div className="kit-panel">
      <PanelHead
        title={t('tabs.users')}
        add={{ label: t('users.add'), onClick: () => setAdding(true), testId: 'user-add' }}
        notice={notice}
      />
      <RefusalNote error={error} />
      <div className="kit-table-wrap">
        <table className="kit-table ad-users" data-testid="user-table">
          <TableHeader
            columns={[
              { label: t('users.name') },
              { label: t('users.role') },
              { label: `${t('users.platform')} / ${t('users.team')}` },
              { label: t('users.status') },
              { label: t('users.devices') },
              { label: t('users.revoke'), className: 'ad-col-user-actions', visuallyHidden: true },
            ]}
          />
          <tbody>
            {sorted.map((user) => {
              const own = [...devices.values()].filter((device) => device.userId === user.id);
              const revoked = user.revokedAt !== null;
              return (
                <tr key={user.id} data-testid="user-row" className={revoked ? 'ad-revoked' : undefined}>
                  <td>
                    <strong>{user.name}</strong>
                    <div className="kit-hint">{[user.email, user.phone].filter(Boolean).join(' · ')}</div>
                  </td>
                  <td>{t(`common:role.${user.role}`)}</td>
                  <td>{(user.platformId && (platforms.get(user.platformId)?.name ?? user.platformId)) || user.team || t('none')}</td>
                  <td>{revoked ? t('users.revoked', { date: formatDateTime(user.revokedAt ?? 0, lang) }) : t('users.active')}</td>
                  <td>
                    {own.length === 0 ? (
                      <span className="kit-muted">{t('users.noDevice')}</span>
                    ) : (
                      <ul className="ad-devices">
                        {own.map((device) => (
                          <li key={device.id} data-testid="device-row">
                            <span className={device.revokedAt ? 'ad-device-off' : undefined}>
                              {device.label} · {t('users.enrolled', { date: formatDateTime(device.enrolledAt, lang) })}
                              {device.revokedAt ? ` · ${t('users.deviceRevoked')}` : ''}
                            </span>
                            {!device.revokedAt ? (
                              <RowButton
                                danger
                                data-testid="device-revoke"
                                aria-label={`${t('users.revokeDevice')} ${device.label}`}
                                onClick={() => setConfirm({ kind: 'device', user, deviceId: device.id, label: device.label })}
                              >
                                {t('users.revoke')}
                              </RowButton>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="ad-col-user-actions">
                    {!revoked ? (
                      <div className="ad-row-buttons">
                        <RowButton data-testid="user-edit" onClick={() => setEditing(user)}>
                          {t('edit')}
                        </RowButton>
                        <RowButton
                          data-testid="user-issue-code"
                          onClick={() => void perform('user.issueEnrollmentCode', { userId: user.id }).then(issued)}
                        >
                          {t('users.issueCode')}
                        </RowButton>
                        <RowButton
                          danger
                          data-testid="user-revoke"
                          aria-label={`${t('users.revoke')} ${user.name}`}
                          onClick={() => setConfirm({ kind: 'user', user })}
                        >
                          {t('users.revoke')}
                        </RowButton>
                      </div>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {adding ? (
        <AddUserDialog
          onClose={(outcome) => {
            setAdding(false);
            if (outcome) issued(outcome);
          }}
        />
      ) : null}
      {editing ? <EditUserDialog user={editing} onClose={() => setEditing(null)} /> : null}
      {confirm ? <ConfirmRevoke confirm={confirm} onClose={() => setConfirm(null)} /> : null}
      {code?.enrollmentCode ? (
        <SecretDialog
          title={t('users.codeTitle')}
          explanation={t('users.codeOnce')}
          secret={code.enrollmentCode}
          footnote={
            code.enrollmentExpiresAt ? t('users.codeExpires', { date: formatDateTime(code.enrollmentExpiresAt, lang, true) }) : undefined
          }
          onClose={() => setCode(null)}
          testId="dialog-enrollment-code"
        />
      ) : null}
    </div>
  );
}
