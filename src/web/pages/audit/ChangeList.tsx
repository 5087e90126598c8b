import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWide } from '../../components/useWide.ts';
import { useChangeText } from './useChangeText.ts';
import './audit.css';

/** One change as both lists show it. */
export interface Change {
  key: string;
  at: string;
  who: string | null;
  action: string;
  /** "family · year" on the unit page; empty in a single value's history. */
  context: string | null;
  code: string | null;
  before: unknown;
  after: unknown;
  hasValues: boolean;
  source: string;
  sourceRef: string | null;
  reason: string | null;
}

interface Props {
  caption: string;
  changes: Change[];
  busy: boolean;
  emptyText: string;
  pagination?: { current: number; pageSize: number; total: number; onChange: (page: number) => void } | false;
}

/**
 * Who, when, what, before → after, source and reason: a table on a wide screen, a list of cards at 360 px (no
 * sideways scrolling on a phone).
 */
export function ChangeList({ caption, changes, busy, emptyText, pagination = false }: Props) {
  const { t } = useTranslation();
  const wide = useWide();
  const text = useChangeText();
  const what = (c: Change) => (
    <>
      <strong>{text.action(c.action)}</strong>
      {c.code ? <span className="cs-audit-code"> {c.code}</span> : null}
      {c.context ? <span className="cs-unit-sub">{c.context}</span> : null}
    </>
  );
  const change = (c: Change) =>
    c.hasValues ? (
      <span className="cs-break">
        <span className="cs-audit-before">{text.value(c.before)}</span> → <span className="cs-audit-after">{text.value(c.after)}</span>
      </span>
    ) : (
      t('common.none')
    );
  const source = (c: Change) => (
    <>
      {text.source(c.source)}
      {c.sourceRef ? <span className="cs-unit-sub cs-break">{c.sourceRef}</span> : null}
    </>
  );
  if (!wide) {
    return (
      <section aria-label={caption} aria-busy={busy}>
        {changes.length === 0 ? <p role="status">{emptyText}</p> : null}
        <ol className="cs-audit-cards">
          {changes.map((c) => (
            <li key={c.key} className="cs-audit-card">
              <div>{what(c)}</div>
              <div>{change(c)}</div>
              <div className="cs-muted">
                {text.when(c.at)} · {c.who ?? t('audit.system')} · {source(c)}
              </div>
              {c.reason ? (
                <div>
                  {t('audit.reason')}: {c.reason}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
        {pagination && pagination.total > pagination.pageSize ? <Pager {...pagination} /> : null}
      </section>
    );
  }
  const columns: NonNullable<TableProps<Change>['columns']> = [
    { key: 'at', title: t('audit.when'), render: (_, c) => text.when(c.at), width: 150 },
    { key: 'who', title: t('audit.who'), render: (_, c) => c.who ?? t('audit.system') },
    { key: 'what', title: t('audit.what'), render: (_, c) => what(c) },
    { key: 'change', title: t('audit.change'), render: (_, c) => change(c) },
    { key: 'source', title: t('audit.source'), render: (_, c) => source(c) },
    { key: 'reason', title: t('audit.reason'), render: (_, c) => c.reason ?? '' },
  ];
  return (
    <Table<Change>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={changes}
      loading={busy}
      locale={{ emptyText }}
      title={() => <span className="cs-sr-only">{caption}</span>}
      pagination={pagination ? { ...pagination, showSizeChanger: false, onChange: (p) => pagination.onChange(p) } : false}
    />
  );
}

function Pager({ current, pageSize, total, onChange }: { current: number; pageSize: number; total: number; onChange: (page: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / pageSize);
  return (
    <nav className="cs-pager" aria-label={t('table.pager')}>
      <button type="button" className="cs-btn cs-btn-small" disabled={current <= 1} onClick={() => onChange(current - 1)}>
        {t('table.prev')}
      </button>
      <span>{t('table.page', { page: current, pages })}</span>
      <button type="button" className="cs-btn cs-btn-small" disabled={current >= pages} onClick={() => onChange(current + 1)}>
        {t('table.next')}
      </button>
    </nav>
  );
}
