import type { SelectHTMLAttributes } from 'react';

type SelectAttributes = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'> & {
  readonly 'data-testid'?: string;
};

/**
 * A select over a list of values, each shown through `label`, with an optional first choice
 * for "none" (value `''`). Other attributes (id, aria-*, data-testid) go to the `<select>`.
 */
export function OptionSelect<T extends string>({
  values,
  value,
  label,
  onChange,
  empty,
  ...attributes
}: SelectAttributes & {
  readonly values: readonly T[];
  readonly value: T;
  readonly label: (value: T) => string;
  readonly onChange: (value: T) => void;
  /** Label of the empty first choice; none when left out. */
  readonly empty?: string;
}) {
  return (
    <select {...attributes} value={value} onChange={(event) => onChange(event.target.value as T)}>
      {empty !== undefined && <option value="">{empty}</option>}
      {values.map((option) => (
        <option key={option} value={option}>
          {label(option)}
        </option>
      ))}
    </select>
  );
}
