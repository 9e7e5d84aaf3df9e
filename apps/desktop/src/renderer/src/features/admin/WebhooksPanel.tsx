import { WEBHOOK_TOPICS, type ProtocolError, type Webhook } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, type PerformOutcome } from '../../state/desk-store';
import { formatDateTime } from '../common/format';
import { TableHeader } from '../common/TableHeader';
import { RefusalNote } from '../common/RefusalNote';
import { ConfirmDialog, SecretDialog } from './AdminDialogs';
import { oneTimeSecretOf } from './one-time-secrets';
import { PanelHead, RowButton } from './PanelHead';
import { WebhookDialog } from './WebhookDialog';

type Asking = { kind: 'remove' | 'rotate'; webhook: Webhook };

/** Live webhooks first, by name; removed ones stay listed, greyed, as the record keeps them. */
export function sortWebhooks(webhooks: readonly Webhook[]): Webhook[] {
  return [...webhooks].sort((a, b) => Number(a.removedAt !== null) - Number(b.removedAt !== null) || a.name.localeCompare(b.name));
}

export function WebhooksPanel() {
  const { t, i18n } = useTranslation('integrations');
  const integrations = useDesk((state) => state.view.integrations);
  const platforms = useDesk((state) => state.view.platforms);
  const perform = useDesk((state) => state.perform);
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const mostUrgent = useDesk((state) => state.view.policy.levels[0]?.label ?? 'P0');
  const webhooks = sortWebhooks([...integrations.values()].filter((entry): entry is Webhook => entry.type === 'webhook'));
  /** The priorities it carries: those listed, else every one (standard) or the most urgent (pagers). */
  const prioritiesOf = (webhook: Webhook) =>
    webhook.priorities.length > 0
      ? webhook.priorities.join(', ')
      : webhook.preset === 'standard'
        ? t('webhooks.allPriorities')
        : t('webhooks.presetPriorities', { label: mostUrgent });

  /** A mutation whose answer may carry a new signing secret, to show once. */
  const settled = (outcome: PerformOutcome) => {
    if (!outcome.ok) return outcome.error;
    setError(null);
    const made = oneTimeSecretOf(outcome);
    if (made) setSecret(made);
    return null;
  };
  const toggle = async (webhook: Webhook) =>
    setError(settled(await perform('webhook.update', { webhookId: webhook.id, patch: { active: !webhook.active } })));
  const confirmed = async (): Promise<ProtocolError | null> => {
    if (!asking) return null;
    const { kind, webhook } = asking;
    if (kind === 'remove') return settled(await perform('webhook.remove', { webhookId: webhook.id }));
    const outcome = await perform('webhook.rotateSecret', { webhookId: webhook.id });
    if (outcome.ok && !oneTimeSecretOf(outcome)) setNotice(t('webhooks.secretPending'));
    return settled(outcome);
  };

  return (
    <div className="kit-panel" data-testid="webhooks-panel">
      <PanelHead
        title={t('webhooks.title')}
        add={{ label: t('webhooks.add'), onClick: () => setEditing('new'), testId: 'webhook-add' }}
        intro={t('webhooks.intro')}
        notice={notice}
      />
      <RefusalNote error={error} />
      {webhooks.length === 0 ? (
        <p className="kit-muted">{t('webhooks.none')}</p>
      ) : (
        <div className="kit-table-wrap">
          <table className="kit-table ad-webhooks" data-testid="webhook-table">
            <TableHeader
              columns={[
                { label: t('webhooks.name') },
                { label: t('webhooks.owner') },
                { label: t('webhooks.preset') },
                { label: t('webhooks.topics') },
                { label: t('webhooks.status') },
                { label: t('webhooks.edit'), className: 'ad-col-user-actions', visuallyHidden: true },
              ]}
            />
            <tbody>
              {webhooks.map((webhook) => (
                <tr key={webhook.id} data-testid="webhook-row" className={webhook.removedAt !== null ? 'ad-revoked' : undefined}>
                  <td>
                    <strong>{webhook.name}</strong>
                    <div className="kit-hint kit-ellipsis" title={webhook.url}>
                      {webhook.url}
                    </div>
                  </td>
                  <td>
                    {webhook.platformId === null ? t('webhooks.ministry') : (platforms.get(webhook.platformId)?.name ?? webhook.platformId)}
                  </td>
                  <td>
                    {t(`webhooks.presets.${webhook.preset}`)}
                    <div className="kit-hint">
                      {t(webhook.preset === 'standard' ? 'webhooks.secretVersion' : 'webhooks.keyVersion', {
                        version: webhook.secretVersion,
                      })}
                    </div>
                  </td>
                  <td>
                    {webhook.preset === 'standard' ? (
                      <span title={webhook.topics.join('\n')}>
                        {webhook.topics.length === WEBHOOK_TOPICS.length
                          ? t('webhooks.allTopics', { count: webhook.topics.length })
                          : t('webhooks.someTopics', { count: webhook.topics.length, total: WEBHOOK_TOPICS.length })}
                      </span>
                    ) : (
                      t('webhooks.pagerTopics')
                    )}
                    <div className="kit-hint">{t('webhooks.prioritiesLine', { list: prioritiesOf(webhook) })}</div>
                  </td>
                  <td>
                    {webhook.removedAt !== null
                      ? t('webhooks.removed', { date: formatDateTime(webhook.removedAt, i18n.language) })
                      : webhook.active
                        ? t('webhooks.active')
                        : t('webhooks.paused')}
                  </td>
                  <td className="ad-col-user-actions">
                    {webhook.removedAt === null ? (
                      <div className="ad-row-buttons">
                        <RowButton onClick={() => setEditing(webhook)} data-testid="webhook-edit">
                          {t('webhooks.edit')}
                        </RowButton>
                        <RowButton onClick={() => void toggle(webhook)} data-testid="webhook-toggle">
                          {webhook.active ? t('webhooks.pause') : t('webhooks.resume')}
                        </RowButton>
                        {webhook.preset === 'standard' ? (
                          <RowButton onClick={() => setAsking({ kind: 'rotate', webhook })} data-testid="webhook-rotate">
                            {t('webhooks.rotate')}
                          </RowButton>
                        ) : null}
                        <RowButton danger onClick={() => setAsking({ kind: 'remove', webhook })} data-testid="webhook-remove">
                          {t('webhooks.remove')}
                        </RowButton>
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <WebhookDialog
          webhook={editing === 'new' ? null : editing}
          onClose={(outcome, signed) => {
            setEditing(null);
            if (!outcome) return;
            settled(outcome);
            if (outcome.ok && signed && !oneTimeSecretOf(outcome)) setNotice(t('webhooks.secretPending'));
          }}
        />
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={asking.kind === 'remove' ? t('webhooks.remove') : t('webhooks.rotate')}
          text={t(asking.kind === 'remove' ? 'webhooks.confirmRemove' : 'webhooks.confirmRotate', { name: asking.webhook.name })}
          confirmLabel={asking.kind === 'remove' ? t('webhooks.remove') : t('webhooks.rotate')}
          onConfirm={confirmed}
          onClose={() => setAsking(null)}
        />
      ) : null}
      {secret ? (
        <SecretDialog
          title={t('webhooks.secretTitle')}
          explanation={t('webhooks.secretOnce')}
          secret={secret}
          onClose={() => setSecret(null)}
          testId="dialog-signing-secret"
        />
      ) : null}
    </div>
  );
}
