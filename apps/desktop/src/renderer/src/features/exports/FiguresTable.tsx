import { ALL_PLATFORMS_NAME, figuresCells, type PlatformFigures } from '@contact-desk/shared';

/**
 * The figures of the period as the documents print them: the shared cells (`figuresCells`),
 * platforms in a reader's order, the all-platforms row in the table's foot.
 */
export function FiguresTable({
  figures,
  language,
  name,
}: {
  figures: readonly PlatformFigures[];
  language: 'fr' | 'en';
  name: (id: string) => string;
}) {
  const { header, body } = figuresCells(figures, language, name);
  const isTotal = (row: readonly string[]) => row[0] === ALL_PLATFORMS_NAME[language];
  const line = (row: readonly string[]) => (
    <tr key={row[0]}>
      <th scope="row">{row[0]}</th>
      {row.slice(1).map((cell, index) => (
        <td key={index}>{cell}</td>
      ))}
    </tr>
  );
  return (
    <table className="ex-table" data-testid="figures-table">
      <thead>
        <tr>
          {header.map((cell) => (
            <th key={cell} scope="col">
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{body.filter((row) => !isTotal(row)).map(line)}</tbody>
      <tfoot>{body.filter(isTotal).map(line)}</tfoot>
    </table>
  );
}
