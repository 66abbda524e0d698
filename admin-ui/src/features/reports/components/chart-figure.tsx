import { FigureTable } from './figure-table';
import type { ReactNode } from 'react';

export interface ChartTableColumn {
  label: string;
  values: readonly string[];
}

interface ChartFigureProps {
  id: string;
  title: string;
  /** What the chart shows, read out instead of the drawing. */
  summary: string;
  chart: ReactNode;
  /** The same figures as a table: the first column names the rows. */
  rowLabel: string;
  rows: readonly string[];
  columns: readonly ChartTableColumn[];
}

/**
 * A chart and its table: the drawing is hidden from screen readers (its summary is read instead),
 * the table holds the same figures for anyone who wants them, behind "Vis tabell".
 */
export function ChartFigure({ id, title, summary, chart, rowLabel, rows, columns }: ChartFigureProps) {
  return (
    <figure className="card chart-figure" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <h2>{title}</h2>
      </figcaption>
      <p className="visually-hidden">{summary}</p>
      <div aria-hidden="true" className="chart-area">
        {chart}
      </div>
      <details>
        <summary>Vis tabell</summary>
        <FigureTable
          caption={title}
          rowLabel={rowLabel}
          columns={columns.map((column) => column.label)}
          rows={rows.map((row, index) => ({ key: row, label: row, cells: columns.map((column) => column.values[index] ?? '') }))}
        />
      </details>
    </figure>
  );
}
