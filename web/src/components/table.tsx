import type { ReactNode } from 'react';

export interface Column<Row> {
  /** The column's heading; a table whose columns have none has no header row. */
  header?: string;
  cell(row: Row): ReactNode;
  /** The cell names its row (a row header for screen readers). */
  rowHeader?: boolean;
  className?: string;
}

/**
 * The console's one table: a caption, column headings, a cell per column and row. A column given as
 * `false` is left out (one the role may not use). With no rows it shows `empty`, or nothing.
 */
export function Table<Row>(props: {
  caption?: string;
  columns: readonly (Column<Row> | false)[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  empty?: string;
}) {
  if (props.rows.length === 0) return props.empty === undefined ? null : <p>{props.empty}</p>;
  const columns = props.columns.filter((column) => column !== false);
  return (
    <table>
      {props.caption !== undefined && <caption>{props.caption}</caption>}
      {columns.some((column) => column.header !== undefined) && (
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {props.rows.map((row) => (
          <tr key={props.rowKey(row)}>
            {columns.map((column, i) =>
              column.rowHeader ? (
                <th key={i} scope="row" className={column.className}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={i} className={column.className}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
