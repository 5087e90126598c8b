import { ArrowLeftOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Progress, Upload, type UploadFile } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPostWithProgress } from '../../api/client.ts';
import { invalidateAfterSetChange } from '../../api/queries.ts';
import { can } from '../../auth/can.ts';
import { useAuth } from '../../auth/session.ts';
import { ApiErrorView, useErrorMessage } from '../../components/ApiErrorView.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { setLink, SETS_LINK } from '../../routes/links.ts';
import { ImportErrorDetails } from './ImportErrorDetails.tsx';
import { CRITERIA_TEMPLATE_FILE, CRITERIA_TEMPLATE_URL } from './template.ts';
import './sets.css';

/** The server's limit for one criteria file (IMPORT_LIMITS.fileBytes). */
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.json,.xlsx';

type Phase = { step: 'idle' } | { step: 'uploading'; fraction: number } | { step: 'checking' };

/** Overall progress: sending the file is most of the wait, then the server checks and saves. */
function percentOf(phase: Phase): number {
  switch (phase.step) {
    case 'idle':
      return 0;
    case 'uploading':
      return Math.round(phase.fraction * 95);
    case 'checking':
      return 95;
  }
}

/**
 * Admin screen for `sets import`: a province officer uploads a criteria set (JSON or the annex workbook) as a new
 * version; errors name the file and where in it, success opens the new version.
 */
export default function ImportSetPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const toMessage = useErrorMessage();
  const id = useId();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [error, setError] = useState<ApiError | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('importSet.title'));

  const back = (
    <Link {...SETS_LINK} className="cs-back">
      <ArrowLeftOutlined aria-hidden /> {t('sets.back')}
    </Link>
  );
  if (!can(user, 'set:import'))
    return (
      <div className="cs-stack">
        {back}
        <ApiErrorView error={new ApiError('FORBIDDEN', t('importSet.forbidden'), 403)} backTo={SETS_LINK} />
      </div>
    );

  const busy = phase.step !== 'idle';
  const fileId = `${id}-file`;

  const pick = (file: File): boolean | string => {
    setError(null);
    if (!/\.(json|xlsx)$/i.test(file.name)) {
      setFileError(t('importSet.fileType', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_BYTES) {
      setFileError(t('importSet.fileTooLarge', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    setFileError(null);
    // Kept in the browser: the file is sent with the note when the form is submitted.
    return false;
  };

  const submit = async (values: { note?: string }) => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setFileError(t('importSet.fileRequired'));
      return;
    }
    setError(null);
    setPhase({ step: 'uploading', fraction: 0 });
    try {
      const form = new FormData();
      const note = values.note?.trim();
      if (note) form.append('note', note);
      form.append('file', file, file.name);
      const set = await apiPostWithProgress<{ id: string }>('/api/sets/import', form, (fraction) =>
        setPhase(fraction >= 1 ? { step: 'checking' } : { step: 'uploading', fraction }),
      );
      void message.success(t('importSet.done', { id: set.id }));
      // A new version can change every evaluation: the cached lists and scorecards are stale.
      await invalidateAfterSetChange(client);
      await navigate(setLink(set.id));
    } catch (e) {
      setPhase({ step: 'idle' });
      setError(e instanceof ApiError ? e : new ApiError('NETWORK', '', 0));
      // The error sits under the form: bring it into view on a phone.
      requestAnimationFrame(() => errorRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
    }
  };

  const percent = percentOf(phase);
  const progressText =
    phase.step === 'uploading'
      ? t('importSet.uploading', { percent: Math.round(phase.fraction * 100) })
      : phase.step === 'checking'
        ? t('importSet.checking')
        : '';

  return (
    <div className="cs-stack">
      {back}
      <header>
        <h1 className="cs-page-title">{t('importSet.title')}</h1>
        <p className="cs-muted" style={{ margin: 0 }}>
          {t('importSet.intro')}
        </p>
      </header>
      <div className="cs-import-grid">
        <Card size="small" title={<h2 className="cs-section-title">{t('importSet.rulesTitle')}</h2>}>
          <ul className="cs-import-rules">
            <li>{t('importSet.ruleVersion')}</li>
            <li>{t('importSet.ruleConfirmed')}</li>
            <li>{t('importSet.ruleAmends')}</li>
            <li>{t('importSet.ruleErrors')}</li>
          </ul>
          <div className="cs-import-template">
            <Button href={CRITERIA_TEMPLATE_URL} download={CRITERIA_TEMPLATE_FILE} icon={<DownloadOutlined aria-hidden />} className="cs-wrap-btn">
              {t('importSet.template')}
            </Button>
            <p className="cs-muted cs-small" style={{ margin: '6px 0 0' }}>
              {t('importSet.templateHint')}
            </p>
          </div>
        </Card>
        <Card size="small" title={<h2 className="cs-section-title">{t('importSet.formTitle')}</h2>}>
          <Form<{ note?: string }> layout="vertical" requiredMark={false} disabled={busy} onFinish={(v) => void submit(v)} name="import-set">
            <Form.Item
              label={t('importSet.file')}
              htmlFor={fileId}
              required
              validateStatus={fileError ? 'error' : undefined}
              help={fileError ?? undefined}
              extra={t('importSet.fileHint')}
            >
              <Upload
                id={fileId}
                accept={ACCEPT}
                maxCount={1}
                fileList={files}
                beforeUpload={pick}
                onChange={({ fileList }) => setFiles(fileList.slice(-1))}
                onRemove={() => {
                  setFiles([]);
                  setError(null);
                }}
                className="cs-import-upload"
              >
                <Button icon={<UploadOutlined aria-hidden />}>{t('importSet.choose')}</Button>
              </Upload>
            </Form.Item>
            <Form.Item label={`${t('importSet.note')} ${t('common.optional')}`} name="note" extra={t('importSet.noteHint')} className="cs-import-note">
              <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} icon={<UploadOutlined aria-hidden />}>
              {t('importSet.submit')}
            </Button>
          </Form>
          <div aria-live="polite" className="cs-import-progress">
            {busy ? (
              <>
                <Progress percent={percent} status="active" aria-label={t('importSet.progress')} />
                <span className="cs-small">{progressText}</span>
              </>
            ) : null}
          </div>
          {error ? (
            <div ref={errorRef} data-testid="import-error">
              <Alert
                type="error"
                showIcon
                title={t('importSet.failed')}
                description={
                  <>
                    <p className="cs-break" style={{ margin: 0 }}>
                      {toMessage(error)}
                    </p>
                    <ImportErrorDetails details={error.details} />
                  </>
                }
              />
            </div>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
