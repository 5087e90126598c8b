import './messages.ts';
import { Alert, Button, Input, Modal } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardRow, BulkAction, BulkResponse } from '../../api/types.ts';
import { useAuth } from '../../auth/session.ts';
import { ApiErrorView, useErrorMessage } from '../../components/ApiErrorView.tsx';
import { AsOfControls } from '../../components/AsOfControls.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, todayVn } from '../../format.ts';
import { resolveView } from '../../view.ts';
import { StatusPill } from '../assessments/WorkflowBar.tsx';
import { DeadlinePanel } from './DeadlinePanel.tsx';
import { boardQuery, bulkTransition, invalidateAfterBulk } from './queries.ts';
import { TABS, type BoardSearch, type Tab } from './search.ts';
import './boards.css';

const route = getRouteApi('/staff/theo-doi');

const keyOf = (r: Pick<BoardRow, 'unit' | 'family'>) => `${r.unit.code}|${r.family}`;
/** The day in Vietnam of an instant. */
const dayOf = (at: string | null) => (at ? todayVn(new Date(at)) : null);

/** The status boards: the lists of the year, the deadline, and approving, reviewing or returning many at once. */
export default function BoardsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const { asOf, year } = resolveView(search);
  const tab: Tab = search.tab ?? (user && user.role !== 'commune' && user.role !== 'viewer' ? 'my-review' : 'not-submitted');
  const level = search.level ?? 'commune';
  const q = useQuery({ ...boardQuery({ asOf, year, tab, level }), placeholderData: keepPreviousData });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<BulkResponse | null>(null);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  usePageTitle(t('boards.title'));

  const set = (patch: Partial<BoardSearch>) => {
    setSelected(new Set());
    void navigate({ search: (s: BoardSearch) => ({ ...s, ...patch }) });
  };
  const rows = q.data?.tab === tab ? q.data.rows : [];
  const selectable = tab === 'my-review';
  const chosen = rows.filter((r) => selected.has(keyOf(r)));
  const offered: BulkAction[] = (['review', 'approve'] as const).filter((a) => rows.some((r) => r.actions.includes(a)));
  if (rows.some((r) => r.actions.includes('return'))) offered.push('return');

  const bulk = useMutation({
    mutationFn: (v: { action: BulkAction; reason?: string }) =>
      bulkTransition({
        action: v.action,
        ...(v.reason ? { reason: v.reason } : {}),
        items: chosen.map((r) => ({ unit: r.unit.code, family: r.family, year, version: r.version })),
      }),
    onSuccess: async (out) => {
      setResult(out);
      setSelected(new Set());
      setAsking(false);
      setReason('');
      setTried(false);
      await invalidateAfterBulk(client);
    },
  });
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const run = (action: BulkAction, why?: string) => {
    setNames(new Map(chosen.map((r) => [r.unit.code, r.unit.fullName])));
    setResult(null);
    bulk.mutate({ action, ...(why ? { reason: why } : {}) });
  };
  const toggle = (k: string) => {
    const next = new Set(selected);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    setSelected(next);
  };
  const allChosen = rows.length > 0 && chosen.length === rows.length;

  return (
    <div className="cs-stack">
      <header>
        <h1 className="cs-page-title">{t('boards.title')}</h1>
        <p className="cs-muted" style={{ margin: 0 }}>
          {t('boards.intro')}
        </p>
      </header>
      <div className="cs-board-controls">
        <AsOfControls asOf={asOf} year={year} onChange={(a, y) => set({ asOf: a, year: y })} />
        <label className="cs-board-level">
          {t('boards.level')}
          <select value={level} onChange={(e) => set({ level: e.target.value === 'hamlet' ? 'hamlet' : undefined })}>
            <option value="commune">{t('boards.levels.commune')}</option>
            <option value="hamlet">{t('boards.levels.hamlet')}</option>
          </select>
        </label>
      </div>
      <DeadlinePanel year={year} canSet={user?.role === 'province' || user?.role === 'admin'} />
      <nav aria-label={t('boards.tabsLabel')}>
        <ul className="cs-board-tabs">
          {TABS.map((k) => (
            <li key={k}>
              <Button type={k === tab ? 'primary' : 'default'} aria-pressed={k === tab} data-testid={`tab-${k}`} onClick={() => set({ tab: k })}>
                {t(`boards.tabs.${k}`)} <span className="cs-board-count">{q.data?.counts[k] ?? '…'}</span>
              </Button>
            </li>
          ))}
        </ul>
      </nav>
      {q.error ? <ApiErrorView error={q.error} onRetry={() => void q.refetch()} /> : null}
      {result ? <BulkResult result={result} names={names} onClose={() => setResult(null)} /> : null}
      {bulk.error ? <Alert type="error" showIcon role="alert" title={errorMessage(bulk.error)} /> : null}
      {selectable && offered.length > 0 ? (
        <div className="cs-board-bulk" role="group" aria-label={t('boards.selected', { count: chosen.length })}>
          <span aria-live="polite">{t('boards.selected', { count: chosen.length })}</span>
          {offered.map((a) => (
            <Button
              key={a}
              type={a === 'return' ? 'default' : 'primary'}
              danger={a === 'return'}
              disabled={chosen.length === 0 || bulk.isPending}
              loading={bulk.isPending && bulk.variables.action === a}
              data-testid={`bulk-${a}`}
              onClick={() => (a === 'return' ? setAsking(true) : run(a))}
            >
              {t(`boards.bulk.${a}`)}
            </Button>
          ))}
        </div>
      ) : null}
      <div className="cs-board-scroll" role="region" aria-label={t('boards.caption', { year, tab: t(`boards.tabs.${tab}`) })} tabIndex={0}>
        <table className="cs-board-table" data-testid="board-table" aria-busy={q.isFetching}>
          <caption className="cs-sr-only">{t('boards.caption', { year, tab: t(`boards.tabs.${tab}`) })}</caption>
          <thead>
            <tr>
              {selectable ? (
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t('boards.selectAll')}
                    checked={allChosen}
                    onChange={() => setSelected(allChosen ? new Set() : new Set(rows.map(keyOf)))}
                  />
                </th>
              ) : null}
              <th scope="col">{t('boards.col.unit')}</th>
              <th scope="col">{t('boards.col.status')}</th>
              <th scope="col">{t('boards.col.timeliness')}</th>
              <th scope="col">{t('boards.col.completeness')}</th>
              <th scope="col">{t('boards.col.submittedAt')}</th>
              <th scope="col">{t('boards.col.links')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && q.isSuccess ? (
              <tr>
                <td colSpan={selectable ? 7 : 6} className="cs-muted">
                  {t('boards.empty')}
                </td>
              </tr>
            ) : null}
            {rows.map((r) => (
              <tr key={keyOf(r)} data-testid={`row-${r.unit.code}`}>
                {selectable ? (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('boards.selectRow', { name: r.unit.fullName })}
                      checked={selected.has(keyOf(r))}
                      onChange={() => toggle(keyOf(r))}
                      data-testid={`select-${r.unit.code}`}
                    />
                  </td>
                ) : null}
                <td>
                  <strong>{r.unit.fullName}</strong>
                  {r.unit.parentName ? <div className="cs-muted cs-board-small">{r.unit.parentName}</div> : null}
                  <div className="cs-muted cs-board-small">{r.family}</div>
                </td>
                <td>
                  <StatusPill status={r.status} />
                  {r.changedSinceApproval ? <div className="cs-board-small">{t('boards.changed')}</div> : null}
                  {r.status === 'returned' && r.returnReason ? (
                    <div className="cs-board-small cs-break" data-testid="return-reason">
                      {t('boards.returnReason', { reason: r.returnReason })}
                    </div>
                  ) : null}
                </td>
                <td>
                  <span className={`cs-board-time cs-board-time-${r.timeliness}`}>{t(`boards.timeliness.${r.timeliness}`)}</span>
                  {r.deadline ? <div className="cs-muted cs-board-small">{formatDate(r.deadline.submitBy)}</div> : null}
                </td>
                <td>{t('boards.completeness', { filled: r.completeness.filled, total: r.completeness.total })}</td>
                <td>{formatDate(dayOf(r.submittedAt))}</td>
                <td className="cs-board-links">
                  <Link
                    to="/nhap-lieu/$code/$family/$year"
                    params={{ code: r.unit.code, family: r.family, year: String(year) }}
                    aria-label={t('boards.openEntryOf', { name: r.unit.fullName })}
                  >
                    {t('boards.openEntry')}
                  </Link>
                  <Link
                    to="/nhat-ky/$code"
                    params={{ code: r.unit.code }}
                    search={{ asOf, family: r.family, year }}
                    aria-label={t('boards.openLogOf', { name: r.unit.fullName })}
                  >
                    {t('boards.openLog')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Modal
        open={asking}
        title={t('boards.returnTitle', { count: chosen.length })}
        okText={t('boards.bulk.return')}
        okButtonProps={{ danger: true, ...({ 'data-testid': 'return-confirm' } as object) }}
        cancelText={t('common.cancel')}
        confirmLoading={bulk.isPending}
        onOk={() => {
          setTried(true);
          if (reason.trim()) run('return', reason.trim());
        }}
        onCancel={() => {
          setAsking(false);
          setTried(false);
        }}
        destroyOnHidden
      >
        <label htmlFor="cs-bulk-reason" className="cs-entry-note-label">
          {t('boards.reasonLabel')}
        </label>
        <Input.TextArea
          id="cs-bulk-reason"
          value={reason}
          autoSize={{ minRows: 3 }}
          maxLength={2000}
          aria-invalid={tried && !reason.trim() ? true : undefined}
          aria-describedby={tried && !reason.trim() ? 'cs-bulk-reason-err' : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {tried && !reason.trim() ? (
          <p id="cs-bulk-reason-err" className="cs-entry-error" role="alert">
            {t('boards.reasonRequired')}
          </p>
        ) : null}
      </Modal>
    </div>
  );
}

/** What happened to each assessment of the last bulk step. */
function BulkResult({ result, names, onClose }: { result: BulkResponse; names: Map<string, string>; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type={result.failed === 0 ? 'success' : result.succeeded === 0 ? 'error' : 'warning'}
      showIcon
      data-testid="bulk-result"
      title={t('boards.resultTitle', { action: t(`entry.action.${result.action}`), ok: result.succeeded, failed: result.failed })}
      closable={{ 'aria-label': t('boards.dismiss') }}
      onClose={onClose}
      description={
        <ul className="cs-board-results" aria-label={t('boards.resultList')}>
          {result.results.map((r) => (
            <li key={`${r.unit}|${r.family}|${r.year}`} data-testid={`result-${r.unit}`} data-ok={r.ok}>
              <strong>{names.get(r.unit) ?? r.unit}</strong>:{' '}
              {r.ok ? t('boards.resultOk', { status: t(`entry.state.${r.status ?? 'draft'}`) }) : t('boards.resultFailed', { message: r.error?.message ?? '' })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
