import { useTranslation } from 'react-i18next';
import { OptionSelect } from '../common/OptionSelect';
import { DropButton, ItemDisclosure } from './ItemList';
import { OPEN_TITLE, REPEATED_TITLE, UNKNOWN_TITLE } from './PasteSummary';
import type { Paste } from './use-paste';

/** Items already on an open request: each with a link to that request, kept or taken out. */
export function OpenItems({ paste, error }: { paste: Paste; error: string | undefined }) {
  const { t } = useTranslation(['create', 'common']);
  const { plan, choices, choose, openByRef, confirmOpen, setConfirmOpen } = paste;
  const open = plan.preview.alreadyOpen;
  if (open.length === 0) return null;
  return (
    <section className="cr-aside cr-aside-open" aria-labelledby={OPEN_TITLE} data-testid="paste-open">
      <h2 id={OPEN_TITLE} className="cr-section-title" tabIndex={-1}>
        {t('open.title', { count: open.length })}
      </h2>
      <p className="kit-hint">{t('open.hint')}</p>
      <ul className="cr-aside-list">
        {open.map(({ item, ref }) => {
          const request = openByRef.get(ref);
          const dropped = choices.get(item) === null;
          return (
            <li
              key={item}
              className={dropped ? 'cr-aside-row is-dropped' : 'cr-aside-row'}
              data-testid="paste-open-item"
              data-item={item}
              data-dropped={dropped}
            >
              <span className="cr-loc cr-loc-whole">{item}</span>
              {request ? (
                <a href={`#/request/${encodeURIComponent(request.id)}`} data-testid="paste-open-link" data-ref={ref}>
                  {ref} ({t(`common:status.${request.status}`)})
                </a>
              ) : (
                <span>{ref}</span>
              )}
              <DropButton item={item} dropped={dropped} onChange={(drop) => choose([item], drop ? null : undefined)} />
            </li>
          );
        })}
      </ul>
      {plan.openKept.length > 0 ? (
        <div className="cr-aside-actions">
          <button
            type="button"
            className="kit-button kit-button-small"
            onClick={() =>
              choose(
                plan.openKept.map((entry) => entry.item),
                null,
              )
            }
            data-testid="paste-open-drop-all"
          >
            {t('open.dropAll')}
          </button>
          <label className="kit-check">
            <input
              type="checkbox"
              checked={confirmOpen}
              data-testid="create-confirm-conflicts"
              onChange={(event) => setConfirmOpen(event.target.checked)}
            />{' '}
            {t('open.confirm')}
          </label>
        </div>
      ) : null}
      {error ? <p className="kit-field-error">{error}</p> : null}
    </section>
  );
}

/** Items of no known platform: each given a platform by hand, or taken out. */
export function UnknownItems({ paste, error }: { paste: Paste; error: string | undefined }) {
  const { t } = useTranslation(['create', 'common']);
  const { plan, choices, choose, platforms } = paste;
  if (plan.unknown.length === 0) return null;
  const ids = platforms.map((platform) => platform.id);
  return (
    <section
      className="cr-aside cr-aside-unknown"
      aria-labelledby={UNKNOWN_TITLE}
      data-testid="paste-unknown"
      data-undecided={plan.undecided.length}
    >
      <h2 id={UNKNOWN_TITLE} className="cr-section-title" tabIndex={-1}>
        {t('unknown.title', { count: plan.unknown.length })}
      </h2>
      <p className="kit-hint">{t('unknown.hint')}</p>
      <ul className="cr-aside-list">
        {plan.unknown.map((item) => {
          const choice = choices.get(item);
          const dropped = choice === null;
          return (
            <li
              key={item}
              className={dropped ? 'cr-aside-row is-dropped' : 'cr-aside-row'}
              data-testid="paste-unknown-item"
              data-item={item}
              data-dropped={dropped}
            >
              <span className="cr-loc cr-loc-whole">{item}</span>
              <OptionSelect
                aria-label={t('unknown.chooseLabel', { item })}
                values={ids}
                value={choice && ids.includes(choice) ? choice : ''}
                label={(id) => platforms.find((platform) => platform.id === id)?.name ?? id}
                empty={t('unknown.choose')}
                disabled={dropped}
                onChange={(id) => choose([item], id || undefined)}
                data-testid="paste-unknown-platform"
              />
              <DropButton item={item} dropped={dropped} onChange={(drop) => choose([item], drop ? null : undefined)} />
            </li>
          );
        })}
      </ul>
      {plan.undecided.length > 0 ? (
        <div className="cr-aside-actions">
          <button
            type="button"
            className="kit-button kit-button-small"
            onClick={() => choose(plan.undecided, null)}
            data-testid="paste-unknown-drop-rest"
          >
            {t('unknown.dropRest', { count: plan.undecided.length })}
          </button>
        </div>
      ) : null}
      {error ? <p className="kit-field-error">{error}</p> : null}
    </section>
  );
}

/** Lines that repeat an earlier one (the same content under another spelling): sent once. */
export function RepeatedItems({ paste }: { paste: Paste }) {
  const { t } = useTranslation(['create', 'common']);
  const repeated = paste.plan.preview.repeated;
  if (repeated.length === 0) return null;
  const title = t('repeated.title', { count: repeated.length });
  return (
    <section className="cr-aside cr-aside-repeated" aria-labelledby={REPEATED_TITLE} data-testid="paste-repeated">
      <div className="cr-repeated-head">
        <h2 id={REPEATED_TITLE} className="cr-repeated-title" tabIndex={-1}>
          {title}
        </h2>
        <ItemDisclosure items={repeated} label={title} testId="paste-repeated" />
      </div>
    </section>
  );
}
