import { type RateTable, centralityClasses, grantLineTypes } from '@alis/shared';
import { LINE_TYPE_LABELS } from '../../../entities/grants/utils/labels';
import { parseWholeNumber } from '../../../lib/form';
import { formatInteger } from '../../../lib/format';
import type { RateCells } from '../utils/scheme-form';

const invalid = (text: string) => {
  const value = parseWholeNumber(text.replace(/kr/gi, ''));
  return value === null || !Number.isInteger(value) || value < 0 || value > 2_000_000;
};

interface RateGridProps {
  /** The table to edit, cell by cell; without it the grid only shows `table`. */
  cells?: RateCells;
  table?: RateTable;
  onChange?: (cells: RateCells) => void;
  error?: string | undefined;
  caption: string;
}

/**
 * The rate table as a grid: a row per line type, a column per centrality class. Each cell is an
 * input of its own, labelled with its line type and class, so it is reached and read by keyboard.
 */
export function RateGrid({ cells, table, onChange, error, caption }: RateGridProps) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="rate-grid" aria-describedby={error ? 'rate-grid-error' : undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Linjetype</th>
            {centralityClasses.map((key) => (
              <th key={key} scope="col" className="numeric">
                Klasse {key}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grantLineTypes.map((type) => (
            <tr key={type}>
              <th scope="row">{LINE_TYPE_LABELS[type]}</th>
              {centralityClasses.map((key) => (
                <td key={key} className="numeric">
                  {cells && onChange ? (
                    <input
                      aria-label={`Sats for ${LINE_TYPE_LABELS[type].toLowerCase()}, sentralitetsklasse ${key}`}
                      aria-invalid={invalid(cells[type][key]) ? true : undefined}
                      inputMode="numeric"
                      size={7}
                      value={cells[type][key]}
                      onChange={(event) => onChange({ ...cells, [type]: { ...cells[type], [key]: event.target.value } })}
                    />
                  ) : (
                    `${formatInteger(table?.[type][key])} kr`
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {error ? (
        <p id="rate-grid-error" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
