import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Popover } from './Popover';
import { matchingView, nameProblem, type SavedView } from './saved-views';
import type { QueueView } from './queue-view';

export interface SavedViewsProps {
  readonly views: readonly SavedView[];
  readonly current: QueueView;
  apply(view: QueueView): void;
  save(name: string, view: QueueView): void;
  rename(id: string, name: string): void;
  remove(id: string): void;
}

/** Named views: pick one, save the current tab, filters and order under a name, rename, delete. */
export function SavedViewsMenu(props: SavedViewsProps) {
  const { t } = useTranslation(['queue', 'common']);
  const active = matchingView(props.views, props.current);
  return (
    <Popover
      className="q-views"
      testId="views-menu"
      summary={active ? t('views.current', { name: active.name }) : t('views.button')}
      active={active !== null}
    >
      {(close) => (
        <div className="q-views-panel" aria-label={t('views.label')} role="group">
          <p className="q-views-title">{t('views.label')}</p>
          {props.views.length === 0 ? (
            <p className="q-views-none">{t('views.none')}</p>
          ) : (
            <ul className="q-views-list">
              {props.views.map((saved) => (
                <SavedViewEntry
                  key={saved.id}
                  saved={saved}
                  views={props.views}
                  active={saved.id === active?.id}
                  onApply={() => (props.apply(saved.view), close())}
                  onRename={(name) => props.rename(saved.id, name)}
                  onRemove={() => props.remove(saved.id)}
                />
              ))}
            </ul>
          )}
          <NameForm
            views={props.views}
            exceptId={null}
            label={t('views.save')}
            submit={t('views.saveSubmit')}
            testId="views-save"
            onSubmit={(name) => props.save(name, props.current)}
          />
        </div>
      )}
    </Popover>
  );
}

function SavedViewEntry(props: {
  saved: SavedView;
  views: readonly SavedView[];
  active: boolean;
  onApply(): void;
  onRename(name: string): void;
  onRemove(): void;
}) {
  const { t } = useTranslation(['queue', 'common']);
  const [renaming, setRenaming] = useState(false);
  const { saved } = props;
  if (renaming) {
    return (
      <li className="q-views-entry" data-testid="saved-view" data-name={saved.name}>
        <NameForm
          views={props.views}
          exceptId={saved.id}
          initial={saved.name}
          label={t('views.renameLabel', { name: saved.name })}
          submit={t('views.renameSubmit')}
          testId="saved-view-rename"
          onSubmit={(name) => (props.onRename(name), setRenaming(false))}
          onCancel={() => setRenaming(false)}
        />
      </li>
    );
  }
  return (
    <li className={`q-views-entry${props.active ? ' is-active' : ''}`} data-testid="saved-view" data-name={saved.name}>
      <button
        type="button"
        className="q-views-apply"
        aria-label={t('views.applyLabel', { name: saved.name })}
        aria-current={props.active || undefined}
        data-testid="saved-view-apply"
        onClick={props.onApply}
      >
        {saved.name}
      </button>
      <button
        type="button"
        className="btn btn-small"
        aria-label={t('views.renameLabel', { name: saved.name })}
        data-testid="saved-view-rename-start"
        onClick={() => setRenaming(true)}
      >
        {t('views.rename')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        aria-label={t('views.removeLabel', { name: saved.name })}
        data-testid="saved-view-remove"
        onClick={props.onRemove}
      >
        {t('views.remove')}
      </button>
    </li>
  );
}

function NameForm(props: {
  views: readonly SavedView[];
  exceptId: string | null;
  initial?: string;
  label: string;
  submit: string;
  testId: string;
  onSubmit(name: string): void;
  onCancel?(): void;
}) {
  const { t } = useTranslation(['queue', 'common']);
  const [name, setName] = useState(props.initial ?? '');
  const [tried, setTried] = useState(false);
  const problem = nameProblem(props.views, name, props.exceptId);
  const inputId = `${props.testId}-name`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problem !== null) return;
    props.onSubmit(name);
    setName('');
    setTried(false);
  };
  const shown = tried || (problem === 'taken' && name !== props.initial) ? problem : null;
  return (
    <form className="q-views-form" onSubmit={onSubmit} noValidate>
      <label htmlFor={inputId} className="q-views-label">
        {props.label}
      </label>
      <div className="q-views-row">
        <input
          id={inputId}
          className="input"
          value={name}
          placeholder={props.exceptId === null ? t('views.namePlaceholder') : undefined}
          aria-invalid={shown !== null || undefined}
          aria-describedby={shown ? `${inputId}-problem` : undefined}
          data-testid={`${props.testId}-input`}
          autoFocus={props.exceptId !== null}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && props.onCancel && (event.preventDefault(), props.onCancel())}
        />
        <button type="submit" className="btn btn-small btn-primary" data-testid={`${props.testId}-submit`}>
          {props.submit}
        </button>
        {props.onCancel && (
          <button type="button" className="btn btn-small" onClick={props.onCancel}>
            {t('common:actions.cancel')}
          </button>
        )}
      </div>
      {shown && (
        <p id={`${inputId}-problem`} className="q-views-problem" role="alert">
          {t(`views.problem.${shown}`)}
        </p>
      )}
    </form>
  );
}
