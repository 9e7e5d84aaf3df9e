import { API_KEY_SCOPES, newId, type ApiKey, type ApiKeyScope } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, type PerformOutcome } from '../../state/desk-store';
import { formatDateTime } from '../common/format';
import { FormButtons } from '../common/FormButtons';
import { OptionSelect } from '../common/OptionSelect';
import { TableHeader } from '../common/TableHeader';
import { usePerformForm } from '../common/use-perform-form';
import { Dialog } from '../common/Dialog';
import { RefusalNote } from '../common/RefusalNote';
import { Field } from '../common/Field';
import { ConfirmDialog, SecretDialog } from './AdminDialogs';
import { oneTimeSecretOf } from './one-time-secrets';
import { PanelHead, RowButton } from './PanelHead';

/** The platforms' API keys: issued by the prefect, shown once, revocable at once. */
export function ApiKeysPanel() {
  const { t, i18n } = useTranslation('integrations');
  const integrations = useDesk((state) => state.view.integrations);
  const platforms = useDesk((state) => state.view.platforms);
  const perform = useDesk((state) => state.perform);
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const keys = [...integrations.values()]
    .filter((entry): entry is ApiKey => entry.type === 'apiKey')
    .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt - a.createdAt);
  const platformName = (id: string) => platforms.get(id)?.name ?? id;

  return (
    <div className="kit-panel" data-testid="api-keys-panel">
      <PanelHead
        title={t('keys.title')}
        add={{ label: t('keys.add'), onClick: () => setAdding(true), testId: 'api-key-add' }}
        intro={t('keys.intro')}
        notice={notice}
      />
      {keys.length === 0 ? (
        <p className="kit-muted">{t('keys.none')}</p>
      ) : (
        <div className="kit-table-wrap">
          <table className="kit-table" data-testid="api-key-table">
            <TableHeader
              columns={[
                { label: t('keys.name') },
                { label: t('keys.platform') },
                { label: t('keys.scope') },
                { label: t('keys.prefix') },
                { label: t('webhooks.status') },
                { label: t('keys.revoke'), className: 'ad-col-actions', visuallyHidden: true },
              ]}
            />
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} data-testid="api-key-row" className={key.revokedAt !== null ? 'ad-revoked' : undefined}>
                  <td>
                    <strong>{key.name}</strong>
                  </td>
                  <td>{platformName(key.platformId)}</td>
                  <td>{t(`keys.scopes.${key.scope}`)}</td>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>
                    {key.revokedAt !== null
                      ? t('keys.revoked', { date: formatDateTime(key.revokedAt, i18n.language) })
                      : t('keys.issued', { date: formatDateTime(key.createdAt, i18n.language) })}
                  </td>
                  <td className="ad-col-actions">
                    {key.revokedAt === null ? (
                      <RowButton danger onClick={() => setRevoking(key)} data-testid="api-key-revoke">
                        {t('keys.revoke')}
                      </RowButton>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding ? (
        <ApiKeyDialog
          onClose={(outcome) => {
            setAdding(false);
            if (!outcome?.ok) return;
            const made = oneTimeSecretOf(outcome);
            if (made) setSecret(made);
            else setNotice(t('keys.secretPending'));
          }}
        />
      ) : null}
      {revoking ? (
        <ConfirmDialog
          title={t('keys.revoke')}
          text={t('keys.confirmRevoke', { name: revoking.name })}
          confirmLabel={t('keys.revoke')}
          onConfirm={async () => {
            const outcome = await perform('apiKey.revoke', { apiKeyId: revoking.id });
            return outcome.ok ? null : outcome.error;
          }}
          onClose={() => setRevoking(null)}
        />
      ) : null}
      {secret ? (
        <SecretDialog
          title={t('keys.secretTitle')}
          explanation={t('keys.secretOnce')}
          secret={secret}
          onClose={() => setSecret(null)}
          testId="dialog-api-key"
        />
      ) : null}
    </div>
  );
}

function ApiKeyDialog({ onClose }: { onClose: (outcome: PerformOutcome | null) => void }) {
  const { t } = useTranslation('integrations');
  const { busy, error, perform } = usePerformForm();
  const platformMap = useDesk((state) => state.view.platforms);
  const platforms = [...platformMap.values()].filter((platform) => platform.active).sort((a, b) => a.name.localeCompare(b.name));
  const [name, setName] = useState('');
  const [platformId, setPlatformId] = useState(platforms[0]?.id ?? '');
  const [scope, setScope] = useState<ApiKeyScope>('act');
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    await perform('apiKey.issue', { apiKeyId: newId(), platformId, name: name.trim(), scope }, onClose);
  };
  return (
    <Dialog title={t('keys.addTitle')} onClose={() => onClose(null)} testId="dialog-api-key-add">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('keys.name')} required>
          {({ id }) => (
            <input
              id={id}
              autoFocus
              value={name}
              maxLength={80}
              onChange={(event) => setName(event.target.value)}
              data-testid="api-key-name"
            />
          )}
        </Field>
        <Field label={t('keys.platform')} required>
          {({ id }) => (
            <OptionSelect
              id={id}
              values={platforms.map((platform) => platform.id)}
              value={platformId}
              label={(value) => platformMap.get(value)?.name ?? value}
              onChange={setPlatformId}
              data-testid="api-key-platform"
            />
          )}
        </Field>
        <Field label={t('keys.scope')} required>
          {({ id }) => (
            <OptionSelect
              id={id}
              values={API_KEY_SCOPES}
              value={scope}
              label={(value) => t(`keys.scopes.${value}`)}
              onChange={setScope}
              data-testid="api-key-scope"
            />
          )}
        </Field>
        <RefusalNote error={error} />
        <FormButtons busy={busy} onCancel={() => onClose(null)} testId="api-key-submit" label={t('keys.add')} />
      </form>
    </Dialog>
  );
}
