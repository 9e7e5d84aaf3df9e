import {
  MAIL_DETAILS,
  mailDetailOf,
  PLATFORM_KINDS,
  reasonOf,
  type MailDetail,
  type Platform as DeskPlatform,
  type PlatformKind,
} from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { FormButtons } from '../common/FormButtons';
import { OptionSelect } from '../common/OptionSelect';
import { usePerformForm } from '../common/use-perform-form';
import { Dialog } from '../common/Dialog';
import { RefusalNote } from '../common/RefusalNote';
import { Field } from '../common/Field';
import { domainsChanged, domainsText, parseDomains, type DomainsProblem } from './platform-domains-text';
import { PlatformDomainsField } from './PlatformDomainsField';

export function AddPlatformDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const { busy, error, perform } = usePerformForm();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PlatformKind>('platform');
  const [errors, setErrors] = useState<{ id?: string; name?: string }>({});
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found: { id?: string; name?: string } = {};
    if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(id)) found.id = t('platforms.invalidId');
    if (name.trim() === '' || name.length > 80) found.name = t('common:errors.invalid_payload');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await perform('platform.create', { platformId: id, name: name.trim(), kind }, () => onClose());
  };
  return (
    <Dialog title={t('platforms.add')} onClose={onClose} testId="dialog-platform-add">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('platforms.id')} hint={t('platforms.idHint')} error={errors.id} required>
          {({ id: fieldId, describedBy }) => (
            <input
              id={fieldId}
              autoFocus
              value={id}
              aria-describedby={describedBy}
              data-testid="platform-id"
              onChange={(event) => setId(event.target.value.toLowerCase())}
            />
          )}
        </Field>
        <Field label={t('platforms.name')} error={errors.name} required>
          {({ id: fieldId }) => (
            <input id={fieldId} value={name} maxLength={80} data-testid="platform-name" onChange={(event) => setName(event.target.value)} />
          )}
        </Field>
        <Field label={t('platforms.kind')} required>
          {({ id: fieldId }) => (
            <OptionSelect
              id={fieldId}
              values={PLATFORM_KINDS}
              value={kind}
              label={(value) => t(`common:platformKind.${value}`)}
              onChange={setKind}
              data-testid="platform-kind"
            />
          )}
        </Field>
        <RefusalNote error={error} />
        <FormButtons busy={busy} onCancel={onClose} testId="platform-add-submit" label={t('common:actions.save')} />
      </form>
    </Dialog>
  );
}

export function EditPlatformDialog({ platform, onClose }: { platform: DeskPlatform; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const { busy, error, setError, perform } = usePerformForm();
  const users = useDesk((state) => state.view.users);
  const liaisons = [...users.values()].filter(
    (user) => user.platformId === platform.id && user.role === 'liaison' && user.revokedAt === null,
  );
  const [name, setName] = useState(platform.name);
  const [kind, setKind] = useState<PlatformKind>(platform.kind);
  const [active, setActive] = useState(platform.active);
  const [mailDetail, setMailDetail] = useState<MailDetail>(mailDetailOf(platform));
  const [backup, setBackup] = useState(platform.backupLiaisonId ?? '');
  const [contactName, setContactName] = useState(platform.escalationContact?.name ?? '');
  const [contactEmail, setContactEmail] = useState(platform.escalationContact?.email ?? '');
  const [contactPhone, setContactPhone] = useState(platform.escalationContact?.phone ?? '');
  const [domains, setDomains] = useState(() => domainsText(platform));
  const [domainsProblem, setDomainsProblem] = useState<DomainsProblem | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const domainRefusal = error && reasonOf(error) === 'domain_taken' ? error : null;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFieldError(null);
    setError(null);
    const parsed = parseDomains(domains);
    setDomainsProblem(parsed.ok ? null : parsed.problem);
    if (!parsed.ok) return;
    if (name.trim() === '') return setFieldError(t('common:errors.invalid_payload'));
    if (!contactName.trim() && (contactEmail.trim() || contactPhone.trim())) return setFieldError(t('platforms.contactNameRequired'));
    const contact = contactName.trim()
      ? { name: contactName.trim(), email: contactEmail.trim() || null, phone: contactPhone.trim() || null }
      : null;
    // Untouched, the usual domains stay the usual ones (and follow them if they change).
    const domainsPatch = domainsChanged(platform, parsed.domains) ? { domains: parsed.domains } : {};
    await perform(
      'platform.update',
      {
        platformId: platform.id,
        patch: {
          name: name.trim(),
          kind,
          active,
          mailDetail,
          backupLiaisonId: backup || null,
          escalationContact: contact,
          ...domainsPatch,
        },
      },
      () => onClose(),
    );
  };
  return (
    <Dialog title={t('platforms.editTitle', { name: platform.name })} onClose={onClose} wide testId="dialog-platform-edit">
      <form onSubmit={(event) => void submit(event)} noValidate className="kit-form-grid">
        <Field label={t('platforms.name')} required>
          {({ id }) => (
            <input id={id} value={name} maxLength={80} onChange={(event) => setName(event.target.value)} data-testid="platform-edit-name" />
          )}
        </Field>
        <Field label={t('platforms.kind')}>
          {({ id }) => (
            <OptionSelect
              id={id}
              values={PLATFORM_KINDS}
              value={kind}
              label={(value) => t(`common:platformKind.${value}`)}
              onChange={setKind}
            />
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
        <Field label={t('platforms.mailDetail')} hint={t(`platforms.mailDetailHint.${mailDetail}`)}>
          {({ id, describedBy }) => (
            <OptionSelect
              id={id}
              aria-describedby={describedBy}
              values={MAIL_DETAILS}
              value={mailDetail}
              label={(value) => t(`platforms.mailDetails.${value}`)}
              onChange={setMailDetail}
              data-testid="platform-mail-detail"
            />
          )}
        </Field>
        <label className="kit-check ad-check">
          <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} data-testid="platform-active" />{' '}
          {t('platforms.active')}
        </label>
        <PlatformDomainsField platform={platform} value={domains} problem={domainsProblem} refusal={domainRefusal} onChange={setDomains} />
        <fieldset className="kit-span-2 ad-fieldset">
          <legend>{t('platforms.contact')}</legend>
          <div className="ad-three">
            <Field label={t('platforms.contactName')}>
              {({ id }) => <input id={id} value={contactName} maxLength={120} onChange={(event) => setContactName(event.target.value)} />}
            </Field>
            <Field label={t('platforms.contactEmail')}>
              {({ id }) => (
                <input
                  id={id}
                  type="email"
                  value={contactEmail}
                  maxLength={254}
                  onChange={(event) => setContactEmail(event.target.value)}
                />
              )}
            </Field>
            <Field label={t('platforms.contactPhone')}>
              {({ id }) => (
                <input id={id} type="tel" value={contactPhone} maxLength={40} onChange={(event) => setContactPhone(event.target.value)} />
              )}
            </Field>
          </div>
        </fieldset>
        <div className="kit-span-2">
          {fieldError ? (
            <p className="kit-field-error" role="alert">
              {fieldError}
            </p>
          ) : null}
          <RefusalNote error={domainRefusal ? null : error} />
          <FormButtons busy={busy} onCancel={onClose} testId="platform-edit-submit" label={t('common:actions.save')} />
        </div>
      </form>
    </Dialog>
  );
}
