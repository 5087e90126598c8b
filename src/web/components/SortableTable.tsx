import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './table.css';

export interface Column<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  /** Makes the header a sort button. */
  compare?: (a: T, b: T) => number;
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  busy: boolean;
  emptyText: string;
  pageSize?: number;
  /** "1–50 of 161" for the pager. */
  range: (from: number, to: number, total: number) => string;
  testId?: string;
}

type Sort = { key: string; dir: 'ascending' | 'descending' } | null;

/**
 * A plain, light table: sort buttons in the headers (Enter and Space work, focus ring visible, aria-sort says
 * the order), paged, and it never widens the page (it scrolls inside itself if a column cannot wrap).
 */
export function SortableTable<T>({ caption, columns, rows, rowKey, busy, emptyText, pageSize = 50, range, testId }: Props<T>) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort>(null);
  const [page, setPage] = useState(0);
  const [prevRows, setPrevRows] = useState(rows);
  if (prevRows !== rows) {
    // New filter or date: back to the first page.
    setPrevRows(rows);
    setPage(0);
  }
  const compare = columns.find((c) => c.key === sort?.key)?.compare;
  const sorted = compare && sort ? [...rows].sort((a, b) => (sort.dir === 'ascending' ? compare(a, b) : compare(b, a))) : rows;
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = sorted.slice(current * pageSize, (current + 1) * pageSize);
  const toggle = (key: string) => setSort((s) => (s?.key !== key ? { key, dir: 'ascending' } : s.dir === 'ascending' ? { key, dir: 'descending' } : null));

  return (
    <div className="cs-table-wrap" data-testid={testId}>
      <div className="cs-table-scroll">
        <table className="cs-table" aria-busy={busy}>
          <caption className="cs-sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort?.key === c.key ? sort.dir : c.compare ? 'none' : undefined}>
                  {c.compare ? (
                    <button type="button" className="cs-sort" onClick={() => toggle(c.key)}>
                      {c.title}
                      <span className="cs-sort-mark" aria-hidden="true">
                        {sort?.key === c.key ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.title
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className={busy ? 'cs-tbody cs-busy' : 'cs-tbody'}>
            {shown.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="cs-empty" role="status">
                  {emptyText}
                </td>
              </tr>
            ) : (
              shown.map((r) => (
                <tr key={rowKey(r)} className="cs-row">
                  {columns.map((c) => (
                    <td key={c.key}>{c.render(r)}</td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {sorted.length > 0 ? (
        <nav className="cs-pager" aria-label={t('table.pager')}>
          <span data-testid="range">{range(current * pageSize + 1, Math.min(sorted.length, (current + 1) * pageSize), sorted.length)}</span>
          {pages > 1 ? (
            <span className="cs-pager-buttons">
              <button type="button" className="cs-btn cs-btn-small" disabled={current === 0} onClick={() => setPage(current - 1)}>
                {t('table.prev')}
              </button>
              <span>{t('table.page', { page: current + 1, pages })}</span>
              <button type="button" className="cs-btn cs-btn-small" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
                {t('table.next')}
              </button>
            </span>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
