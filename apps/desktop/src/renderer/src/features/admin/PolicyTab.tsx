import { newId, type PriorityLevel, type ProtocolError } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { RefusalNote } from '../common/RefusalNote';
import { PanelHead, RowButton } from './PanelHead';

interface LevelDraft {
  key: string;
  label: string;
  name: string;
  ackMinutes: string;
  actionMinutes: string;
}

export function PolicyTab() {
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
    if (
      parsed.some(
        (level) =>
          !Number.isInteger(level.ackMinutes) ||
          !Number.isInteger(level.actionMinutes) ||
          level.ackMinutes < 1 ||
          level.actionMinutes < level.ackMinutes ||
          level.name === '',
      )
    ) {
      return setFieldError(t('policy.minutes'));
    }
    const outcome = await perform('policy.update', { levels: parsed });
    if (outcome.ok) setNotice(t('saved'));
    else setError(outcome.error);
  };

  return (
    <form className="kit-panel" onSubmit={(event) => void submit(event)} noValidate data-testid="policy-form">
      <PanelHead
        title={t('tabs.policy')}
        tools={<span className="kit-muted">{t('policy.version', { version: policy.version })}</span>}
        intro={t('policy.intro')}
      />
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
                <input
                  aria-label={`${t('policy.label')} ${index + 1}`}
                  value={level.label}
                  maxLength={8}
                  onChange={(event) => update(level.key, { label: event.target.value.toUpperCase() })}
                />
              </td>
              <td>
                <input
                  aria-label={`${t('policy.name')} ${index + 1}`}
                  value={level.name}
                  maxLength={80}
                  onChange={(event) => update(level.key, { name: event.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${t('policy.ack')} ${index + 1}`}
                  type="number"
                  min={1}
                  value={level.ackMinutes}
                  onChange={(event) => update(level.key, { ackMinutes: event.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${t('policy.action')} ${index + 1}`}
                  type="number"
                  min={1}
                  value={level.actionMinutes}
                  onChange={(event) => update(level.key, { actionMinutes: event.target.value })}
                />
              </td>
              <td>
                <RowButton
                  danger
                  aria-label={t('policy.remove', { label: level.label })}
                  disabled={levels.length <= 1}
                  onClick={() => setLevels((previous) => previous.filter((candidate) => candidate.key !== level.key))}
                >
                  ×
                </RowButton>
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
        onClick={() =>
          setLevels((previous) => [
            ...previous,
            { key: newId(), label: `P${previous.length}`, name: '', ackMinutes: '60', actionMinutes: '1440' },
          ])
        }
      >
        + {t('policy.add')}
      </button>
      {fieldError ? (
        <p className="kit-field-error" role="alert">
          {fieldError}
        </p>
      ) : null}
      <RefusalNote error={error} />
      {notice ? (
        <p className="kit-notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="kit-form-buttons">
        <button type="submit" className="kit-button kit-button-primary" data-testid="policy-save">
          {t('policy.save')}
        </button>
      </div>
    </form>
  );
}
