import { useTranslation } from 'react-i18next';
import { Popover } from './Popover';

/** A filter over a list of values: none ticked means all. */
export function MultiSelect<T extends string | number>(props: {
  label: string;
  testId: string;
  options: readonly { value: T; label: string }[];
  selected: ReadonlySet<T>;
  onChange(selected: ReadonlySet<T>): void;
}) {
  const { t } = useTranslation('queue');
  const toggle = (value: T, checked: boolean) => {
    const next = new Set(props.selected);
    if (checked) next.add(value);
    else next.delete(value);
    props.onChange(next);
  };
  const summary =
    props.selected.size === 0
      ? t('filters.any')
      : props.selected.size === 1
        ? (props.options.find((o) => props.selected.has(o.value))?.label ?? '1')
        : t('filters.selected', { count: props.selected.size });
  return (
    <Popover
      className="q-ms"
      testId={props.testId}
      summary={t('filters.summary', { label: props.label, value: summary })}
      active={props.selected.size > 0}
    >
      {() => (
        <fieldset className="q-ms-panel">
          <legend className="visually-hidden">{props.label}</legend>
          {props.options.map((option) => (
            <label key={option.value} className="q-ms-option">
              <input
                type="checkbox"
                value={option.value}
                checked={props.selected.has(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              {option.label}
            </label>
          ))}
          {props.selected.size > 0 && (
            <button type="button" className="btn btn-small q-ms-clear" onClick={() => props.onChange(new Set())}>
              {t('filters.reset')}
            </button>
          )}
        </fieldset>
      )}
    </Popover>
  );
}
