/** A table's header row: one column header per entry, with an optional class name. */
export function TableHeader({ columns }: { columns: { label: string; className?: string }[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column.label} scope="col" className={column.className}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
