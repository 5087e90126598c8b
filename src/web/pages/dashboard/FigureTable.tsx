import type { ReactNode } from 'react';
import '../../components/table.css';

export interface FigureColumn<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
}

/** A small table with a caption: a chart's figures, or the units one level down. */
export function FigureTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  captionVisible = false,
  testId,
}: {
  caption: string;
  columns: FigureColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  captionVisible?: boolean;
  testId?: string;
}) {
  return (
    <div className="cs-table-wrap" data-testid={testId}>
      <div className="cs-table-scroll">
        <table className="cs-table">
          <caption className={captionVisible ? 'cs-figure-caption' : 'cs-sr-only'}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? 'cs-num' : undefined}>
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c, i) =>
                  i === 0 ? (
                    <th key={c.key} scope="row" className="cs-row-head">
                      {c.render(r)}
                    </th>
                  ) : (
                    <td key={c.key} className={c.numeric ? 'cs-num' : undefined}>
                      {c.render(r)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
