import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Progress, Select, Upload, type UploadFile } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, ApiError, withQuery } from '../../api/client.ts';
import { can } from '../../auth/can.ts';
import { useAuth } from '../../auth/session.ts';
import { keys, setsQuery } from '../../api/queries.ts';
import type { Unit } from '../../api/types.ts';
import { useErrorMessage } from '../../components/ApiErrorView.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { todayVn } from '../../format.ts';
import { REORG_LAST_DAY, yearOptions } from '../../view.ts';
import type { ImportReport } from '../../../server/workbooks/schema.ts';
import { ImportProblems, ImportSummary } from './ImportResult.tsx';
import { uploadWorkbook, type ImportProgress } from './upload.ts';
import './workbooks.css';

/** The server's limit for one workbook (WORKBOOK_LIMITS.fileBytes). */
const MAX_BYTES = 20 * 1024 * 1024;
const LEVEL_ORDER: Record<string, number> = { province: 0, district: 1, commune: 2 };

/** The date units are taken on for a year: today, kept inside the year; before the merger when asked. */
function asOfFor(year: number, beforeMerger: boolean): string {
  if (beforeMerger) return REORG_LAST_DAY;
  const today = todayVn();
  return today > `${year}-12-31` ? `${year}-12-31` : today < `${year}-01-01` ? `${year}-01-01` : today;
}

/** Overall progress: sending the file, then reading it, checking each sheet, and storing. */
function percentOf(p: ImportProgress): number {
  const f = p.fraction ?? 0;
  switch (p.stage) {
    case 'uploading':
      return Math.round(f * 40);
    case 'received':
    case 'reading':
      return 45;
    case 'checking':
      return 50 + Math.round(f * 40);
    case 'saving':
      return 95;
  }
}

/**
 * The Excel round trip: download a pre-filled workbook for a unit, a district (before 1/7/2025) or the province,
 * fill it in offline, upload it back; every problem is listed by sheet, row and column, or the summary of what was
 * stored is shown.
 */
export default function WorkbooksPage() {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const toMessage = useErrorMessage();
  usePageTitle(t('workbooks.title'));
  const years = yearOptions();
  const [year, setYear] = useState<number>(Math.min(Number(todayVn().slice(0, 4)), years[0]!));
  const [beforeMerger, setBeforeMerger] = useState(false);
  const asOf = asOfFor(year, beforeMerger && year === 2025);
  const [unitCode, setUnitCode] = useState<string | undefined>();
  const [family, setFamily] = useState<string | undefined>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const { user } = useAuth();
  const mayImport = can(user, 'workbook:import');

  const sets = useQuery(setsQuery);
  const units = useQuery({
    queryKey: [...keys.units, 'list', { asOf }],
    queryFn: ({ signal }) => apiFetch<{ units: Unit[] }>(withQuery('/api/units', { asOf }), { signal }),
  });
  const unitOptions = useMemo(
    () =>
      (units.data?.units ?? [])
        .filter((u) => u.level in LEVEL_ORDER)
        .sort((a, b) => LEVEL_ORDER[a.level]! - LEVEL_ORDER[b.level]! || a.code.localeCompare(b.code))
        .map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
    [units.data],
  );
  const familyOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of sets.data?.sets ?? []) if (!s.withdrawn && !seen.has(s.family)) seen.set(s.family, `${s.name} (${s.family})`);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [sets.data]);

  const downloadUrl =
    unitCode && family ? withQuery(`/api/workbooks/assessments/${encodeURIComponent(unitCode)}/${encodeURIComponent(family)}/${year}`, { asOf }) : undefined;
  const busy = progress !== null;

  const pick = (file: File): boolean | string => {
    setError(null);
    setReport(null);
    if (!/\.xlsx$/i.test(file.name)) setFileError(t('workbooks.fileType', { name: file.name }));
    else if (file.size > MAX_BYTES) setFileError(t('workbooks.fileTooLarge', { name: file.name }));
    else {
      setFileError(null);
      return false;
    }
    return Upload.LIST_IGNORE;
  };

  const submit = async () => {
    const file = files[0]?.originFileObj;
    if (!file) return setFileError(t('workbooks.fileRequired'));
    if (!unitCode) return setFileError(t('workbooks.unitRequired'));
    setError(null);
    setReport(null);
    setProgress({ stage: 'uploading', fraction: 0 });
    const form = new FormData();
    form.append('scope', unitCode);
    if (family) form.append('family', family);
    form.append('year', String(year));
    form.append('file', file, file.name);
    try {
      setReport(await uploadWorkbook(form, setProgress));
      // Stored values change evaluations and the overview.
      await client.invalidateQueries({ queryKey: keys.units });
      await client.invalidateQueries({ queryKey: keys.overviews });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('NETWORK', '', 0));
    } finally {
      setProgress(null);
      requestAnimationFrame(() => resultRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
    }
  };

  return (
    <div className="cs-stack">
      <header>
        <h1 className="cs-page-title">{t('workbooks.title')}</h1>
        <p className="cs-muted" style={{ margin: 0 }}>
          {t('workbooks.intro')}
        </p>
      </header>
      <div className="cs-workbook-grid">
        <Card size="small" title={<h2 className="cs-section-title">{t('workbooks.pickTitle')}</h2>}>
          <Form layout="vertical" requiredMark={false}>
            <Form.Item label={t('workbooks.year')} htmlFor={`${id}-year`}>
              <Select id={`${id}-year`} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} />
            </Form.Item>
            {year === 2025 ? (
              <Form.Item>
                <Checkbox checked={beforeMerger} onChange={(e) => setBeforeMerger(e.target.checked)}>
                  {t('workbooks.beforeMerger')}
                </Checkbox>
              </Form.Item>
            ) : null}
            <Form.Item label={t('workbooks.unit')} htmlFor={`${id}-unit`} extra={t('workbooks.unitHint')}>
              <Select
                id={`${id}-unit`}
                showSearch
                optionFilterProp="label"
                value={unitCode}
                onChange={setUnitCode}
                options={unitOptions}
                loading={units.isPending}
                placeholder={t('workbooks.unitPlaceholder')}
              />
            </Form.Item>
            <Form.Item label={t('workbooks.family')} htmlFor={`${id}-family`}>
              <Select
                id={`${id}-family`}
                value={family}
                onChange={setFamily}
                options={familyOptions}
                loading={sets.isPending}
                placeholder={t('workbooks.familyPlaceholder')}
              />
            </Form.Item>
            <Button
              type="primary"
              icon={<DownloadOutlined aria-hidden />}
              href={downloadUrl}
              disabled={!downloadUrl}
              className="cs-wrap-btn"
              data-testid="workbook-download"
            >
              {t('workbooks.download')}
            </Button>
          </Form>
        </Card>
        {mayImport ? (
          <Card size="small" title={<h2 className="cs-section-title">{t('workbooks.uploadTitle')}</h2>}>
            <Form layout="vertical" requiredMark={false} disabled={busy} onFinish={() => void submit()}>
              <Form.Item
                label={t('workbooks.file')}
                htmlFor={`${id}-file`}
                validateStatus={fileError ? 'error' : undefined}
                help={fileError ?? undefined}
                extra={t('workbooks.fileHint')}
              >
                <Upload
                  id={`${id}-file`}
                  accept=".xlsx"
                  maxCount={1}
                  fileList={files}
                  beforeUpload={pick}
                  onChange={({ fileList }) => setFiles(fileList.slice(-1))}
                  onRemove={() => setFiles([])}
                >
                  <Button icon={<UploadOutlined aria-hidden />}>{t('workbooks.choose')}</Button>
                </Upload>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} icon={<UploadOutlined aria-hidden />}>
                {t('workbooks.submit')}
              </Button>
            </Form>
            <div aria-live="polite" className="cs-workbook-progress">
              {progress ? (
                <>
                  <Progress percent={percentOf(progress)} status="active" aria-label={t('workbooks.progress')} />
                  <span className="cs-small">
                    {t(`workbooks.stage.${progress.stage}`, {
                      percent: Math.round((progress.fraction ?? 0) * 100),
                      done: progress.done ?? 0,
                      total: progress.total ?? 0,
                    })}
                  </span>
                </>
              ) : null}
            </div>
          </Card>
        ) : null}
      </div>
      <div ref={resultRef}>
        {error ? <ImportProblems error={error} message={toMessage(error)} /> : null}
        {report ? <ImportSummary report={report} /> : null}
      </div>
    </div>
  );
}
