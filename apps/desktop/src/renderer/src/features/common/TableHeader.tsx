/**
 * A table's header row: one column header per entry, with an optional class name. A
 * `visuallyHidden` header (e.g. over a column of buttons) is read by screen readers only.
 */
export function TableHeader({ columns }: { columns: { label: string; className?: string; visuallyHidden?: boolean }[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column.label} scope="col" className={column.className}>
            {column.visuallyHidden ? <span className="kit-visually-hidden">{column.label}</span> : column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
