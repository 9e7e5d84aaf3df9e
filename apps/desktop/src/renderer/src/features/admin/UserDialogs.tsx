import { ROLES, newId, type Role, type User } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, type PerformOutcome } from '../../state/desk-store';
import { FormButtons } from '../common/FormButtons';
import { OptionSelect } from '../common/OptionSelect';
import { usePerformForm } from '../common/use-perform-form';
import { Dialog } from '../common/Dialog';
import { RefusalNote } from '../common/RefusalNote';
import { Field } from '../common/Field';
import { ConfirmDialog } from './AdminDialogs';

/** What the prefect is asked to confirm: revoking a user, or one of their devices. */
export type Confirm = { kind: 'user'; user: User } | { kind: 'device'; user: User; deviceId: string; label: string };

export function ConfirmRevoke({ confirm, onClose }: { confirm: Confirm; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common', 'create']);
  const perform = useDesk((state) => state.perform);
  const revoke = async () => {
    const outcome =
      confirm.kind === 'user'
        ? await perform('user.revoke', { userId: confirm.user.id })
        : await perform('device.revoke', { deviceId: confirm.deviceId });
    return outcome.ok ? null : outcome.error;
  };
  return (
    <ConfirmDialog
      title={confirm.kind === 'user' ? t('users.revoke') : t('users.revokeDevice')}
      text={
        confirm.kind === 'user'
          ? t('users.confirmRevoke', { name: confirm.user.name })
          : t('users.confirmRevokeDevice', { label: confirm.label, name: confirm.user.name })
      }
      confirmLabel={t('users.revoke')}
      onConfirm={revoke}
      onClose={onClose}
      testId="dialog-confirm-revoke"
    />
  );
}

export function AddUserDialog({ onClose }: { onClose: (outcome: PerformOutcome | null) => void }) {
  const { t } = useTranslation(['admin', 'common', 'create']);
  const { busy, error, perform } = usePerformForm();
  const platformMap = useDesk((state) => state.view.platforms);
  const platforms = [...platformMap.values()].filter((platform) => platform.active);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [platformId, setPlatformId] = useState('');
  const [team, setTeam] = useState('');
  const [errors, setErrors] = useState<{ name?: string; platform?: string }>({});
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found: { name?: string; platform?: string } = {};
    if (name.trim() === '') found.name = t('create:errors.required');
    if (role === 'liaison' && !platformId) found.platform = t('users.platformRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await perform(
      'user.create',
      {
        userId: newId(),
        name: name.trim(),
        email: email.trim() || null,
        phone: phone.trim() || null,
        role,
        platformId: role === 'liaison' ? platformId : null,
        team: team.trim() || null,
      },
      onClose,
    );
  };
  return (
    <Dialog title={t('users.add')} onClose={() => onClose(null)} testId="dialog-user-add">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('users.name')} error={errors.name} required>
          {({ id }) => (
            <input
              id={id}
              autoFocus
              value={name}
              maxLength={120}
              data-testid="user-name"
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('users.email')}>
          {({ id }) => (
            <input
              id={id}
              type="email"
              value={email}
              maxLength={254}
              data-testid="user-email"
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('users.phone')} hint={t('users.phoneHint')}>
          {({ id, describedBy }) => (
            <input
              id={id}
              type="tel"
              value={phone}
              maxLength={40}
              aria-describedby={describedBy}
              data-testid="user-phone"
              onChange={(event) => setPhone(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('users.role')} required>
          {({ id }) => (
            <OptionSelect
              id={id}
              values={ROLES}
              value={role}
              label={(value) => t(`common:role.${value}`)}
              onChange={setRole}
              data-testid="user-role"
            />
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
          {({ id }) => (
            <input id={id} value={team} maxLength={80} data-testid="user-team" onChange={(event) => setTeam(event.target.value)} />
          )}
        </Field>
        <RefusalNote error={error} />
        <FormButtons busy={busy} onCancel={() => onClose(null)} testId="user-add-submit" label={t('common:actions.save')} />
      </form>
    </Dialog>
  );
}

/** The prefect corrects a user's name, team, and how to reach them when escalated to. */
export function EditUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common', 'create']);
  const { busy, error, perform } = usePerformForm();
  const [name, setName] = useState(user.name);
  const [email, setEmail] = useState(user.email ?? '');
  const [phone, setPhone] = useState(user.phone ?? '');
  const [team, setTeam] = useState(user.team ?? '');
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    await perform(
      'user.update',
      {
        userId: user.id,
        patch: { name: name.trim(), email: email.trim() || null, phone: phone.trim() || null, team: team.trim() || null },
      },
      () => onClose(),
    );
  };
  return (
    <Dialog title={t('users.editTitle', { name: user.name })} onClose={onClose} testId="dialog-user-edit">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('users.name')} required>
          {({ id }) => (
            <input
              id={id}
              autoFocus
              value={name}
              maxLength={120}
              onChange={(event) => setName(event.target.value)}
              data-testid="user-edit-name"
            />
          )}
        </Field>
        <Field label={t('users.email')}>
          {({ id }) => (
            <input
              id={id}
              type="email"
              value={email}
              maxLength={254}
              onChange={(event) => setEmail(event.target.value)}
              data-testid="user-edit-email"
            />
          )}
        </Field>
        <Field label={t('users.phone')} hint={t('users.phoneHint')}>
          {({ id, describedBy }) => (
            <input
              id={id}
              type="tel"
              value={phone}
              maxLength={40}
              aria-describedby={describedBy}
              onChange={(event) => setPhone(event.target.value)}
              data-testid="user-edit-phone"
            />
          )}
        </Field>
        <Field label={t('users.team')}>
          {({ id }) => <input id={id} value={team} maxLength={80} onChange={(event) => setTeam(event.target.value)} />}
        </Field>
        <RefusalNote error={error} />
        <FormButtons busy={busy} onCancel={onClose} testId="user-edit-submit" label={t('common:actions.save')} />
      </form>
    </Dialog>
  );
}
