import {
  PLATFORM_KINDS,
  ROLES,
  newId,
  type Platform as DeskPlatform,
  type PlatformKind,
  type PriorityLevel,
  type ProtocolError,
  type Role,
  type User,
} from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, type PerformOutcome } from '../../state/desk-store';
import { formatDateTime } from '../common/format';
import { OptionSelect } from '../common/OptionSelect';
import { TableHeader } from '../common/TableHeader';
import { Dialog, ErrorNote, Field } from '../request/widgets';
import '../../styles/kit.css';
import '../../styles/admin.css';

type Tab = 'platforms' | 'users' | 'policy';
const TABS: readonly Tab[] = ['platforms', 'users', 'policy'];

/** What `perform` may return once the store passes the relay's result through. */
interface EnrollmentData {
  readonly enrollmentCode?: string;
  readonly enrollmentExpiresAt?: number;
}
function enrollmentOf(outcome: PerformOutcome): EnrollmentData | null {
  const data = (outcome as { data?: EnrollmentData }).data;
  return data?.enrollmentCode ? data : null;
}

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
  const onKey = (event: React.KeyboardEvent, index: number) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    const next = TABS[(index + delta + TABS.length) % TABS.length] ?? 'platforms';
    setTab(next);
    document.getElementById(`ad-tab-${next}`)?.focus();
  };
  return (
    <section className="kit-screen" aria-labelledby="ad-title">
      <h1 id="ad-title">{t('title')}</h1>
      <div role="tablist" className="kit-tabs" aria-label={t('title')}>
        {TABS.map((value, index) => (
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
            onKeyDown={(event) => onKey(event, index)}
          >
            {t(`tabs.${value}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`ad-panel-${tab}`} aria-labelledby={`ad-tab-${tab}`}>
        {tab === 'platforms' ? <PlatformsTab /> : tab === 'users' ? <UsersTab /> : <PolicyTab />}
      </div>
    </section>
  );
}

function Buttons({ busy, onCancel, testId, label }: { busy: boolean; onCancel: () => void; testId: string; label?: string }) {
  const { t } = useTranslation('common');
  return (
    <div className="kit-form-buttons">
      <button type="button" className="kit-button" onClick={onCancel}>
        {t('actions.cancel')}
      </button>
      <button type="submit" className="kit-button kit-button-primary" disabled={busy} data-testid={testId}>
        {label ?? t('actions.save')}
      </button>
    </div>
  );
}

/* ---------- Platforms ---------- */

function PlatformsTab() {
  const { t } = useTranslation('admin');
  const platformMap = useDesk((state) => state.view.platforms);
  const platforms = [...platformMap.values()];
  const users = useDesk((state) => state.view.users);
  const [editing, setEditing] = useState<DeskPlatform | null>(null);
  const [adding, setAdding] = useState(false);
  const sorted = platforms.sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="kit-panel">
      <div className="ad-toolbar">
        <h2 className="kit-panel-title">{t('tabs.platforms')}</h2>
        <button type="button" className="kit-button kit-button-primary" onClick={() => setAdding(true)} data-testid="platform-add">
          {t('platforms.add')}
        </button>
      </div>
      <div className="kit-table-wrap">
        <table className="kit-table" data-testid="platform-table">
          <TableHeader
            columns={[
              { label: t('platforms.name') },
              { label: t('platforms.kind') },
              { label: t('platforms.active') },
              { label: t('platforms.liaisons') },
              { label: t('platforms.backup') },
              { label: t('platforms.contact') },
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
                  <td>{platform.active ? t('platforms.active') : <span className="kit-badge-off">{t('platforms.inactive')}</span>}</td>
                  <td>{liaisons.map((user) => user.name).join(', ') || t('none')}</td>
                  <td>{(platform.backupLiaisonId && users.get(platform.backupLiaisonId)?.name) || t('none')}</td>
                  <td>
                    {platform.escalationContact ? (
                      <>
                        {platform.escalationContact.name}
                        <div className="kit-hint">{[platform.escalationContact.email, platform.escalationContact.phone].filter(Boolean).join(' · ')}</div>
                      </>
                    ) : (
                      t('none')
                    )}
                  </td>
                  <td className="ad-col-actions">
                    <button type="button" className="kit-button kit-button-small" onClick={() => setEditing(platform)} data-testid="platform-edit" aria-label={t('platforms.editTitle', { name: platform.name })}>
                      {t('edit')}
                    </button>
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

function AddPlatformDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('admin');
  const perform = useDesk((state) => state.perform);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PlatformKind>('platform');
  const [errors, setErrors] = useState<{ id?: string; name?: string }>({});
  const [error, setError] = useState<ProtocolError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found: { id?: string; name?: string } = {};
    if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(id)) found.id = t('platforms.invalidId');
    if (name.trim() === '' || name.length > 80) found.name = t('common:errors.invalid_payload');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const outcome = await perform('platform.create', { platformId: id, name: name.trim(), kind });
    setBusy(false);
    if (outcome.ok) onClose();
    else setError(outcome.error);
  };
  return (
    <Dialog title={t('platforms.add')} onClose={onClose} testId="dialog-platform-add">
      <form onSubmit={submit} noValidate>
        <Field label={t('platforms.id')} hint={t('platforms.idHint')} error={errors.id} required>
          {({ id: fieldId, describedBy }) => (
            <input id={fieldId} autoFocus value={id} aria-describedby={describedBy} data-testid="platform-id" onChange={(event) => setId(event.target.value.toLowerCase())} />
          )}
        </Field>
        <Field label={t('platforms.name')} error={errors.name} required>
          {({ id: fieldId }) => <input id={fieldId} value={name} maxLength={80} data-testid="platform-name" onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label={t('platforms.kind')} required>
          {({ id: fieldId }) => (
            <OptionSelect id={fieldId} values={PLATFORM_KINDS} value={kind} label={(value) => t(`common:platformKind.${value}`)} onChange={setKind} data-testid="platform-kind" />
          )}
        </Field>
        <ErrorNote error={error} />
        <Buttons busy={busy} onCancel={onClose} testId="platform-add-submit" />
      </form>
    </Dialog>
  );
}

function EditPlatformDialog({ platform, onClose }: { platform: DeskPlatform; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const perform = useDesk((state) => state.perform);
  const users = useDesk((state) => state.view.users);
  const liaisons = [...users.values()].filter((user) => user.platformId === platform.id && user.role === 'liaison' && user.revokedAt === null);
  const [name, setName] = useState(platform.name);
  const [kind, setKind] = useState<PlatformKind>(platform.kind);
  const [active, setActive] = useState(platform.active);
  const [backup, setBackup] = useState(platform.backupLiaisonId ?? '');
  const [contactName, setContactName] = useState(platform.escalationContact?.name ?? '');
  const [contactEmail, setContactEmail] = useState(platform.escalationContact?.email ?? '');
  const [contactPhone, setContactPhone] = useState(platform.escalationContact?.phone ?? '');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFieldError(null);
    if (name.trim() === '') return setFieldError(t('common:errors.invalid_payload'));
    if (!contactName.trim() && (contactEmail.trim() || contactPhone.trim())) return setFieldError(t('platforms.contactNameRequired'));
    const contact = contactName.trim()
      ? { name: contactName.trim(), email: contactEmail.trim() || null, phone: contactPhone.trim() || null }
      : null;
    setBusy(true);
    const outcome = await perform('platform.update', {
      platformId: platform.id,
      patch: { name: name.trim(), kind, active, backupLiaisonId: backup || null, escalationContact: contact },
    });
    setBusy(false);
    if (outcome.ok) onClose();
    else setError(outcome.error);
  };
  return (
    <Dialog title={t('platforms.editTitle', { name: platform.name })} onClose={onClose} wide testId="dialog-platform-edit">
      <form onSubmit={submit} noValidate className="kit-form-grid">
        <Field label={t('platforms.name')} required>
          {({ id }) => <input id={id} value={name} maxLength={80} onChange={(event) => setName(event.target.value)} data-testid="platform-edit-name" />}
        </Field>
        <Field label={t('platforms.kind')}>
          {({ id }) => (
            <OptionSelect id={id} values={PLATFORM_KINDS} value={kind} label={(value) => t(`common:platformKind.${value}`)} onChange={setKind} />
          )}
        </Field>
        <Field label={t('platforms.backup')}>
          {({ id }) => (
            <OptionSelect
              id={id}
              values={liaisons.map((user) => user.id)}
              value={backup}
              label={(userId) => liaisons.find((user) => user.id === userId)?.name ?? userId}
              empty={t('platforms.noBackup')}
              onChange={setBackup}
              data-testid="platform-backup"
            />
          )}
        </Field>
        <label className="kit-check ad-check">
          <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} data-testid="platform-active" /> {t('platforms.active')}
        </label>
        <fieldset className="kit-span-2 ad-fieldset">
          <legend>{t('platforms.contact')}</legend>
          <div className="ad-three">
            <Field label={t('platforms.contactName')}>
              {({ id }) => <input id={id} value={contactName} maxLength={120} onChange={(event) => setContactName(event.target.value)} />}
            </Field>
            <Field label={t('platforms.contactEmail')}>
              {({ id }) => <input id={id} type="email" value={contactEmail} maxLength={254} onChange={(event) => setContactEmail(event.target.value)} />}
            </Field>
            <Field label={t('platforms.contactPhone')}>
              {({ id }) => <input id={id} type="tel" value={contactPhone} maxLength={40} onChange={(event) => setContactPhone(event.target.value)} />}
            </Field>
          </div>
        </fieldset>
        <div className="kit-span-2">
          {fieldError ? <p className="kit-field-error" role="alert">{fieldError}</p> : null}
          <ErrorNote error={error} />
          <Buttons busy={busy} onCancel={onClose} testId="platform-edit-submit" />
        </div>
      </form>
    </Dialog>
  );
}

/* ---------- Users and devices ---------- */

type Confirm = { kind: 'user'; user: User } | { kind: 'device'; user: User; deviceId: string; label: string };

function UsersTab() {
  const { t, i18n } = useTranslation('admin');
  const lang = i18n.language;
  const users = useDesk((state) => state.view.users);
  const devices = useDesk((state) => state.view.devices);
  const platforms = useDesk((state) => state.view.platforms);
  const perform = useDesk((state) => state.perform);
  const [adding, setAdding] = useState(false);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
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
      <div className="ad-toolbar">
        <h2 className="kit-panel-title">{t('tabs.users')}</h2>
        <button type="button" className="kit-button kit-button-primary" onClick={() => setAdding(true)} data-testid="user-add">
          {t('users.add')}
        </button>
      </div>
      {notice ? (
        <p className="kit-notice" role="status" data-testid="admin-notice">
          {notice}
        </p>
      ) : null}
      <ErrorNote error={error} />
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
                    <div className="kit-hint">{user.email ?? ''}</div>
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
                              <button
                                type="button"
                                className="kit-button kit-button-small kit-button-danger-outline"
                                data-testid="device-revoke"
                                aria-label={`${t('users.revokeDevice')} ${device.label}`}
                                onClick={() => setConfirm({ kind: 'device', user, deviceId: device.id, label: device.label })}
                              >
                                {t('users.revoke')}
                              </button>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="ad-col-user-actions">
                    {!revoked ? (
                      <div className="ad-row-buttons">
                        <button
                          type="button"
                          className="kit-button kit-button-small"
                          data-testid="user-issue-code"
                          onClick={async () => issued(await perform('user.issueEnrollmentCode', { userId: user.id }))}
                        >
                          {t('users.issueCode')}
                        </button>
                        <button
                          type="button"
                          className="kit-button kit-button-small kit-button-danger-outline"
                          data-testid="user-revoke"
                          aria-label={`${t('users.revoke')} ${user.name}`}
                          onClick={() => setConfirm({ kind: 'user', user })}
                        >
                          {t('users.revoke')}
                        </button>
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
      {confirm ? <ConfirmRevoke confirm={confirm} onClose={() => setConfirm(null)} /> : null}
      {code ? (
        <Dialog title={t('users.codeTitle')} onClose={() => setCode(null)} testId="dialog-enrollment-code">
          <p>{t('users.codeOnce')}</p>
          <p className="ad-code" data-testid="enrollment-code">
            {code.enrollmentCode}
          </p>
          {code.enrollmentExpiresAt ? <p className="kit-hint">{t('users.codeExpires', { date: formatDateTime(code.enrollmentExpiresAt, lang, true) })}</p> : null}
          <div className="kit-form-buttons">
            <button type="button" className="kit-button kit-button-primary" onClick={() => setCode(null)}>
              {t('common:actions.close')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}

function ConfirmRevoke({ confirm, onClose }: { confirm: Confirm; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const perform = useDesk((state) => state.perform);
  const [error, setError] = useState<ProtocolError | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const outcome =
      confirm.kind === 'user'
        ? await perform('user.revoke', { userId: confirm.user.id })
        : await perform('device.revoke', { deviceId: confirm.deviceId });
    if (outcome.ok) onClose();
    else setError(outcome.error);
  };
  return (
    <Dialog title={confirm.kind === 'user' ? t('users.revoke') : t('users.revokeDevice')} onClose={onClose} testId="dialog-confirm-revoke">
      <form onSubmit={submit}>
        <p>
          {confirm.kind === 'user'
            ? t('users.confirmRevoke', { name: confirm.user.name })
            : t('users.confirmRevokeDevice', { label: confirm.label, name: confirm.user.name })}
        </p>
        <ErrorNote error={error} />
        <div className="kit-form-buttons">
          <button type="button" className="kit-button" onClick={onClose} autoFocus>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" className="kit-button kit-button-danger" data-testid="confirm-revoke">
            {t('users.revoke')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function AddUserDialog({ onClose }: { onClose: (outcome: PerformOutcome | null) => void }) {
  const { t } = useTranslation('admin');
  const perform = useDesk((state) => state.perform);
  const platformMap = useDesk((state) => state.view.platforms);
  const platforms = [...platformMap.values()].filter((platform) => platform.active);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [platformId, setPlatformId] = useState('');
  const [team, setTeam] = useState('');
  const [errors, setErrors] = useState<{ name?: string; platform?: string }>({});
  const [error, setError] = useState<ProtocolError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found: { name?: string; platform?: string } = {};
    if (name.trim() === '') found.name = t('create:errors.required');
    if (role === 'liaison' && !platformId) found.platform = t('users.platformRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const outcome = await perform('user.create', {
      userId: newId(),
      name: name.trim(),
      email: email.trim() || null,
      role,
      platformId: role === 'liaison' ? platformId : null,
      team: team.trim() || null,
    });
    setBusy(false);
    if (outcome.ok) onClose(outcome);
    else setError(outcome.error);
  };
  return (
    <Dialog title={t('users.add')} onClose={() => onClose(null)} testId="dialog-user-add">
      <form onSubmit={submit} noValidate>
        <Field label={t('users.name')} error={errors.name} required>
          {({ id }) => <input id={id} autoFocus value={name} maxLength={120} data-testid="user-name" onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label={t('users.email')}>
          {({ id }) => <input id={id} type="email" value={email} maxLength={254} data-testid="user-email" onChange={(event) => setEmail(event.target.value)} />}
        </Field>
        <Field label={t('users.role')} required>
          {({ id }) => (
            <OptionSelect id={id} values={ROLES} value={role} label={(value) => t(`common:role.${value}`)} onChange={setRole} data-testid="user-role" />
          )}
        </Field>
        {role === 'liaison' ? (
          <Field label={t('users.platform')} error={errors.platform} required>
            {({ id }) => (
              <OptionSelect
                id={id}
                values={platforms.map((platform) => platform.id)}
                value={platformId}
                label={(value) => platforms.find((platform) => platform.id === value)?.name ?? value}
                empty={t('create:choosePlatform')}
                onChange={setPlatformId}
                data-testid="user-platform"
              />
            )}
          </Field>
        ) : null}
        <Field label={t('users.team')}>
          {({ id }) => <input id={id} value={team} maxLength={80} data-testid="user-team" onChange={(event) => setTeam(event.target.value)} />}
        </Field>
        <ErrorNote error={error} />
        <Buttons busy={busy} onCancel={() => onClose(null)} testId="user-add-submit" />
      </form>
    </Dialog>
  );
}

/* ---------- Priority policy ---------- */

interface LevelDraft {
  key: string;
  label: string;
  name: string;
  ackMinutes: string;
  actionMinutes: string;
}

function PolicyTab() {
  const { t } = useTranslation('admin');
  const policy = useDesk((state) => state.view.policy);
  const perform = useDesk((state) => state.perform);
  const [levels, setLevels] = useState<LevelDraft[]>(() =>
    policy.levels.map((level) => ({
      key: newId(),
      label: level.label,
      name: level.name,
      ackMinutes: String(level.ackMinutes),
      actionMinutes: String(level.actionMinutes),
    })),
  );
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const update = (key: string, patch: Partial<LevelDraft>) =>
    setLevels((previous) => previous.map((level) => (level.key === key ? { ...level, ...patch } : level)));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFieldError(null);
    setNotice(null);
    setError(null);
    if (levels.length === 0) return setFieldError(t('policy.atLeastOne'));
    if (levels.some((level) => !/^[A-Z][A-Z0-9]{0,7}$/.test(level.label.trim()))) return setFieldError(t('policy.invalidLabel'));
    if (new Set(levels.map((level) => level.label.trim())).size !== levels.length) return setFieldError(t('policy.uniqueLabel'));
    const parsed: PriorityLevel[] = levels.map((level) => ({
      label: level.label.trim(),
      name: level.name.trim(),
      ackMinutes: Number(level.ackMinutes),
      actionMinutes: Number(level.actionMinutes),
    }));
    if (parsed.some((level) => !Number.isInteger(level.ackMinutes) || !Number.isInteger(level.actionMinutes) || level.ackMinutes < 1 || level.actionMinutes < level.ackMinutes || level.name === '')) {
      return setFieldError(t('policy.minutes'));
    }
    const outcome = await perform('policy.update', { levels: parsed });
    if (outcome.ok) setNotice(t('saved'));
    else setError(outcome.error);
  };

  return (
    <form className="kit-panel" onSubmit={submit} noValidate data-testid="policy-form">
      <div className="ad-toolbar">
        <h2 className="kit-panel-title">{t('tabs.policy')}</h2>
        <span className="kit-muted">{t('policy.version', { version: policy.version })}</span>
      </div>
      <p className="ad-note" role="note">
        {t('policy.intro')}
      </p>
      <table className="kit-table ad-policy">
        <thead>
          <tr>
            <th scope="col">{t('policy.label')}</th>
            <th scope="col">{t('policy.name')}</th>
            <th scope="col">{t('policy.ack')}</th>
            <th scope="col">{t('policy.action')}</th>
            <th scope="col">
              <span className="kit-visually-hidden">{t('policy.remove', { label: '' })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {levels.map((level, index) => (
            <tr key={level.key} data-testid="policy-level">
              <td>
                <input aria-label={`${t('policy.label')} ${index + 1}`} value={level.label} maxLength={8} onChange={(event) => update(level.key, { label: event.target.value.toUpperCase() })} />
              </td>
              <td>
                <input aria-label={`${t('policy.name')} ${index + 1}`} value={level.name} maxLength={80} onChange={(event) => update(level.key, { name: event.target.value })} />
              </td>
              <td>
                <input aria-label={`${t('policy.ack')} ${index + 1}`} type="number" min={1} value={level.ackMinutes} onChange={(event) => update(level.key, { ackMinutes: event.target.value })} />
              </td>
              <td>
                <input aria-label={`${t('policy.action')} ${index + 1}`} type="number" min={1} value={level.actionMinutes} onChange={(event) => update(level.key, { actionMinutes: event.target.value })} />
              </td>
              <td>
                <button
                  type="button"
                  className="kit-button kit-button-small kit-button-danger-outline"
                  aria-label={t('policy.remove', { label: level.label })}
                  disabled={levels.length <= 1}
                  onClick={() => setLevels((previous) => previous.filter((candidate) => candidate.key !== level.key))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="kit-button ad-add-level"
        disabled={levels.length >= 12}
        data-testid="policy-add-level"
        onClick={() => setLevels((previous) => [...previous, { key: newId(), label: `P${previous.length}`, name: '', ackMinutes: '60', actionMinutes: '1440' }])}
      >
        + {t('policy.add')}
      </button>
      {fieldError ? <p className="kit-field-error" role="alert">{fieldError}</p> : null}
      <ErrorNote error={error} />
      {notice ? <p className="kit-notice" role="status">{notice}</p> : null}
      <div className="kit-form-buttons">
        <button type="submit" className="kit-button kit-button-primary" data-testid="policy-save">
          {t('policy.save')}
        </button>
      </div>
    </form>
  );
}
