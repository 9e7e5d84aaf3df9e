import {
  DEFAULT_WEBHOOK_TOPICS,
  newId,
  PRESET_URLS,
  WEBHOOK_PRESETS,
  WEBHOOK_TOPICS,
  type Webhook,
  type WebhookPreset,
  type WebhookTopic,
} from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, type PerformOutcome } from '../../state/desk-store';
import { FormButtons } from '../common/FormButtons';
import { OptionSelect } from '../common/OptionSelect';
import { usePerformForm, type QueuedOutcome } from '../common/use-perform-form';
import { Dialog } from '../common/Dialog';
import { RefusalNote } from '../common/RefusalNote';
import { Field } from '../common/Field';
import { translateWith } from '../common/refusal-wording';

/** The ministry's own webhook is chosen with this value in the "for" list. */
const MINISTRY = '';

interface Draft {
  readonly name: string;
  readonly owner: string;
  readonly preset: WebhookPreset;
  readonly url: string;
  readonly key: string;
  readonly topics: ReadonlySet<WebhookTopic>;
  readonly priorities: ReadonlySet<string>;
}

function draftOf(webhook: Webhook | null): Draft {
  return {
    name: webhook?.name ?? '',
    owner: webhook?.platformId ?? MINISTRY,
    preset: webhook?.preset ?? 'standard',
    url: webhook?.url ?? '',
    key: '',
    // A new webhook follows what the relay's own default is (docs/integrations.md): not the comments and assignments.
    topics: new Set(webhook?.topics ?? DEFAULT_WEBHOOK_TOPICS),
    priorities: new Set(webhook?.priorities ?? []),
  };
}

/**
 * Creates or edits a webhook. A pager preset fills in the pager's address and asks for its key
 * (kept by the relay, encrypted, never shown again); a standard webhook gets a signing secret
 * from the relay, shown once after saving.
 */
export function WebhookDialog({
  webhook,
  onClose,
}: {
  webhook: Webhook | null;
  onClose: (outcome: PerformOutcome | null, signed: boolean) => void;
}) {
  const { t } = useTranslation(['integrations', 'common']);
  const { busy, error, perform } = usePerformForm();
  const platforms = useDesk((state) => state.view.platforms);
  const policy = useDesk((state) => state.view.policy);
  const [draft, setDraft] = useState<Draft>(() => draftOf(webhook));
  const update = (patch: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const choosePreset = (preset: WebhookPreset) =>
    update({ preset, url: preset === 'standard' ? (draft.preset === 'standard' ? draft.url : '') : PRESET_URLS[preset] });
  const toggle = <T,>(set: ReadonlySet<T>, value: T): Set<T> => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };
  const owners = [MINISTRY, ...[...platforms.values()].sort((a, b) => a.name.localeCompare(b.name)).map((platform) => platform.id)];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const topics = WEBHOOK_TOPICS.filter((topic) => draft.topics.has(topic));
    const priorities = policy.levels.map((level) => level.label).filter((label) => draft.priorities.has(label));
    const key = draft.key.trim();
    const queued = (outcome: QueuedOutcome) => onClose(outcome, !webhook && draft.preset === 'standard');
    if (webhook) {
      const patch = { name: draft.name.trim(), url: draft.url.trim(), topics, priorities, ...(key ? { presetKey: key } : {}) };
      return perform('webhook.update', { webhookId: webhook.id, patch }, queued);
    }
    return perform(
      'webhook.create',
      {
        webhookId: newId(),
        platformId: draft.owner === MINISTRY ? null : draft.owner,
        name: draft.name.trim(),
        url: draft.url.trim(),
        preset: draft.preset,
        topics,
        priorities,
        presetKey: draft.preset === 'standard' ? null : key,
      },
      queued,
    );
  };

  return (
    <Dialog
      title={webhook ? t('webhooks.editTitle', { name: webhook.name }) : t('webhooks.addTitle')}
      onClose={() => onClose(null, false)}
      wide
      testId="dialog-webhook"
    >
      <form onSubmit={(event) => void submit(event)} noValidate className="kit-form-grid">
        <Field label={t('webhooks.name')} required>
          {({ id }) => (
            <input
              id={id}
              autoFocus
              value={draft.name}
              maxLength={80}
              onChange={(event) => update({ name: event.target.value })}
              data-testid="webhook-name"
            />
          )}
        </Field>
        <Field label={t('webhooks.owner')} required>
          {({ id }) => (
            <OptionSelect
              id={id}
              values={owners}
              value={draft.owner}
              disabled={webhook !== null}
              label={(value) => (value === MINISTRY ? t('webhooks.ministry') : (platforms.get(value)?.name ?? value))}
              onChange={(owner) => update({ owner })}
              data-testid="webhook-owner"
            />
          )}
        </Field>
        <Field label={t('webhooks.preset')} required>
          {({ id }) => (
            <OptionSelect
              id={id}
              values={WEBHOOK_PRESETS}
              value={draft.preset}
              disabled={webhook !== null}
              label={(value) => t(`webhooks.presets.${value}`)}
              onChange={choosePreset}
              data-testid="webhook-preset"
            />
          )}
        </Field>
        <Field label={t('webhooks.url')} required>
          {({ id }) => (
            <input
              id={id}
              type="url"
              value={draft.url}
              maxLength={2048}
              placeholder="https://"
              onChange={(event) => update({ url: event.target.value })}
              data-testid="webhook-url"
            />
          )}
        </Field>
        {draft.preset !== 'standard' ? (
          <div className="kit-span-2">
            <Field
              label={webhook ? t('webhooks.keyReplace') : t('webhooks.key')}
              hint={webhook ? t('webhooks.keyKept') : t(`webhooks.keyHint.${draft.preset}`)}
              required={!webhook}
            >
              {({ id, describedBy }) => (
                <input
                  id={id}
                  type="password"
                  value={draft.key}
                  maxLength={200}
                  autoComplete="new-password"
                  spellCheck={false}
                  aria-describedby={describedBy}
                  onChange={(event) => update({ key: event.target.value })}
                  data-testid="webhook-key"
                />
              )}
            </Field>
          </div>
        ) : (
          <fieldset className="kit-span-2 ad-fieldset">
            <legend>{t('webhooks.topics')}</legend>
            <div className="ad-checks">
              {WEBHOOK_TOPICS.map((topic) => (
                <label key={topic} className="kit-check ad-topic">
                  <input
                    type="checkbox"
                    value={topic}
                    checked={draft.topics.has(topic)}
                    onChange={() => update({ topics: toggle(draft.topics, topic) })}
                  />
                  <span>
                    {translateWith(t)(`webhooks.topicNames.${topic.replace('.', '_')}`)}
                    <code>{topic}</code>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <fieldset className="kit-span-2 ad-fieldset">
          <legend>{t('webhooks.priorities')}</legend>
          <div className="ad-checks">
            {policy.levels.map((level) => (
              <label key={level.label} className="kit-check">
                <input
                  type="checkbox"
                  checked={draft.priorities.has(level.label)}
                  onChange={() => update({ priorities: toggle(draft.priorities, level.label) })}
                />
                {level.label} — {level.name}
              </label>
            ))}
          </div>
          <p className="kit-hint">
            {t(draft.preset === 'standard' ? 'webhooks.priorityHint.standard' : 'webhooks.priorityHint.pager', {
              label: policy.levels[0]?.label ?? 'P0',
            })}
          </p>
        </fieldset>
        <div className="kit-span-2">
          <RefusalNote error={error} />
          <FormButtons busy={busy} onCancel={() => onClose(null, false)} testId="webhook-submit" label={t('common:actions.save')} />
        </div>
      </form>
    </Dialog>
  );
}
