import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A button that shows or hides a numbered list of items, each with an optional flag. The list
 * is drawn only while shown: a part holds up to 500 items.
 */
export function ItemDisclosure({
  items,
  label,
  flag,
  testId,
}: {
  items: readonly string[];
  /** What the list is, for assistive technologies. */
  label: string;
  flag?: (item: string) => string | null;
  testId: string;
}) {
  const { t } = useTranslation('create');
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <>
      <button
        type="button"
        className="kit-link-button cr-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        data-testid={`${testId}-toggle`}
      >
        {open ? t('plan.hide') : t('plan.show')}
      </button>
      <ol id={listId} className="cr-items" aria-label={label} hidden={!open} data-testid={`${testId}-items`}>
        {open
          ? items.map((item, index) => {
              const note = flag?.(item) ?? null;
              return (
                <li key={`${index}-${item}`} className="cr-item" data-testid="paste-item">
                  <span className="cr-item-index">{index + 1}</span>
                  <span className="kit-ellipsis cr-loc" title={item}>
                    {item}
                  </span>
                  {note ? <span className="cr-flag">{note}</span> : null}
                </li>
              );
            })
          : null}
      </ol>
    </>
  );
}

/** Takes an item out of the sending, or puts it back. */
export function DropButton({ item, dropped, onChange }: { item: string; dropped: boolean; onChange: (dropped: boolean) => void }) {
  const { t } = useTranslation('create');
  return (
    <button
      type="button"
      className="kit-button kit-button-small"
      aria-label={t(dropped ? 'restoreLabel' : 'dropLabel', { item })}
      onClick={() => onChange(!dropped)}
      data-testid={dropped ? 'paste-restore' : 'paste-drop'}
    >
      {t(dropped ? 'restore' : 'drop')}
    </button>
  );
}

/** The head of a request in a list: its platform, its part when the list was cut, its item count. */
export function RequestHead({ name, part, parts, count }: { name: string; part: number; parts: number; count: number }) {
  const { t } = useTranslation('create');
  return (
    <>
      <span className="cr-plan-name">
        <strong>{name}</strong>
        {parts > 1 ? <span className="cr-part">{t('plan.part', { part, parts })}</span> : null}
      </span>
      <span className="cr-plan-count">{t('plan.count', { count })}</span>
    </>
  );
}
