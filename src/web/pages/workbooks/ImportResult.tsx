import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import type { ImportReport, SheetProblemBody } from '../../../server/workbooks/schema.ts';
import { SortableTable } from '../../components/SortableTable.tsx';

function problemsOf(error: ApiError): SheetProblemBody[] {
  const list = error.details.problems;
  return Array.isArray(list) ? (list as SheetProblemBody[]) : [];
}

/** Every problem of a refused workbook, by sheet, row and column, as the server listed them. */
export function ImportProblems({ error, message }: { error: ApiError; message: string }) {
  const { t } = useTranslation();
  const problems = problemsOf(error);
  const count = typeof error.details.count === 'number' ? error.details.count : problems.length;
  return (
    <div className="cs-stack" data-testid="workbook-problems">
      <Alert
        type="error"
        showIcon
        title={t('workbooks.failed')}
        description={
          <p className="cs-break" style={{ margin: 0 }}>
            {message}
          </p>
        }
      />
      {problems.length > 0 ? (
        <>
          <p className="cs-small" style={{ margin: 0 }}>
            {t('workbooks.problemCount', { count })}
          </p>
          <SortableTable
            caption={t('workbooks.problemsCaption')}
            rowKey={(p: SheetProblemBody) => `${p.sheet ?? ''}|${p.row ?? ''}|${p.column ?? ''}|${p.message}`}
            rows={problems}
            pageSize={100}
            busy={false}
            emptyText=""
            range={(from, to, total) => t('workbooks.range', { from, to, total })}
            columns={[
              {
                key: 'sheet',
                title: t('workbooks.col.sheet'),
                render: (p) => p.sheet ?? t('workbooks.wholeFile'),
                compare: (a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? ''),
              },
              { key: 'row', title: t('workbooks.col.row'), render: (p) => p.row ?? '—', compare: (a, b) => (a.row ?? 0) - (b.row ?? 0) },
              { key: 'column', title: t('workbooks.col.column'), render: (p) => p.column ?? '—' },
              { key: 'message', title: t('workbooks.col.message'), render: (p) => <span className="cs-break">{p.message}</span> },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}

type SheetRow = ImportReport['sheets'][number];

/** What a stored workbook changed, sheet by sheet. */
export function ImportSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const n = report.totals;
  return (
    <div className="cs-stack" data-testid="workbook-report">
      <Alert
        type="success"
        showIcon
        title={t('workbooks.saved', { file: report.file, sheets: report.sheets.length })}
        description={t('workbooks.totals', { imported: n.imported, updated: n.updated, cleared: n.cleared, unchanged: n.unchanged, notes: n.notes })}
      />
      <SortableTable
        caption={t('workbooks.reportCaption')}
        rowKey={(s: SheetRow) => s.sheet}
        rows={report.sheets}
        busy={false}
        emptyText=""
        range={(from, to, total) => t('workbooks.range', { from, to, total })}
        columns={[
          {
            key: 'sheet',
            title: t('workbooks.col.unit'),
            render: (s) => `${s.unitName} (${s.unitCode})`,
            compare: (a, b) => a.unitCode.localeCompare(b.unitCode),
          },
          { key: 'imported', title: t('workbooks.col.imported'), render: (s) => s.counts.imported, compare: (a, b) => a.counts.imported - b.counts.imported },
          { key: 'updated', title: t('workbooks.col.updated'), render: (s) => s.counts.updated, compare: (a, b) => a.counts.updated - b.counts.updated },
          { key: 'cleared', title: t('workbooks.col.cleared'), render: (s) => s.counts.cleared },
          { key: 'unchanged', title: t('workbooks.col.unchanged'), render: (s) => s.counts.unchanged },
          { key: 'notes', title: t('workbooks.col.notes'), render: (s) => s.counts.notes },
          { key: 'version', title: t('workbooks.col.version'), render: (s) => s.version },
        ]}
      />
    </div>
  );
}
