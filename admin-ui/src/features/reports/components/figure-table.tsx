export interface FigureRow {
  key: string;
  label: string;
  cells: readonly string[];
}

/** A table of figures: a header row, then per row its name and its figures (right-aligned). */
export function FigureTable({ caption, rowLabel, columns, rows }: { caption?: string; rowLabel: string; columns: readonly string[]; rows: readonly FigureRow[] }) {
  return (
    // Focusable, so that a table wider than the screen can be scrolled with the keyboard.
    <div className="table-wrap" tabIndex={0}>
      <table className="table">
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{rowLabel}</th>
            {columns.map((column) => (
              <th key={column} scope="col" className="numeric">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, index) => (
                <td key={columns[index] ?? index} className="numeric">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
