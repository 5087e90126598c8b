import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Progress } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_EXTENSIONS } from '../../../domain/evidence/kinds.ts';
import { ApiError } from '../../api/client.ts';
import { useErrorMessage } from '../ApiErrorView.tsx';
import { assessmentEvidenceQuery, evidenceUrl, filesOf, removeEvidence, uploadEvidence, type EvidenceRef, type EvidenceTarget } from './api.ts';
import { useFileFormat } from './format.ts';
import './evidence.css';

/** The server's limit for one evidence file (EVIDENCE_LIMITS.fileBytes): refused here before anything is sent. */
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = EVIDENCE_EXTENSIONS.join(',');

export interface EvidenceListProps extends EvidenceTarget {
  /** The indicator or criterion code the files back. */
  code: string;
  /** The assessment version the screen holds; every change is based on it. */
  version: number;
  editable: boolean;
  /** Called with the assessment's new version after a file was added or removed. */
  onChanged: (newVersion: number) => void;
  /** The files already known (from the assessment the screen loaded); read from the assessment when absent. */
  files?: EvidenceRef[];
}

/**
 * The evidence files of one value or criterion: each with its name (a download link), size and type; an upload
 * button with progress and the server's message when a file is refused; removal after a confirmation.
 */
export function EvidenceList(props: EvidenceListProps) {
  const { code, version, editable, onChanged } = props;
  const target: EvidenceTarget = { unitCode: props.unitCode, family: props.family, year: props.year, asOf: props.asOf };
  const { t } = useTranslation();
  const toMessage = useErrorMessage();
  const client = useQueryClient();
  const fmt = useFileFormat();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const loaded = useQuery({ ...assessmentEvidenceQuery(target), enabled: props.files === undefined });
  const known = props.files ?? filesOf(loaded.data, code);
  // Changes made here show at once, before the assessment is read again.
  const [added, setAdded] = useState<EvidenceRef[]>([]);
  const [removed, setRemoved] = useState<ReadonlySet<number>>(new Set());
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const files = [...known, ...added.filter((a) => !known.some((k) => k.id === a.id))].filter((f) => !removed.has(f.id));

  const changed = (newVersion: number) => {
    onChanged(newVersion);
    void client.invalidateQueries({ queryKey: ['assessments', props.unitCode, props.family, props.year] });
  };

  const upload = async (file: File) => {
    setError(null);
    if (file.size > MAX_BYTES) return setError(t('evidence.tooLarge', { name: file.name, max: fmt.size(MAX_BYTES) }));
    if (file.size === 0) return setError(t('evidence.empty', { name: file.name }));
    setProgress(0);
    setStatus(t('evidence.uploading', { name: file.name }));
    try {
      const saved = await uploadEvidence(target, code, version, file, (sent) => setProgress(sent));
      setAdded((list) => [...list.filter((f) => f.id !== saved.evidence.id), saved.evidence]);
      setRemoved((ids) => new Set([...ids].filter((i) => i !== saved.evidence.id)));
      setStatus(t('evidence.uploaded', { name: saved.evidence.name }));
      changed(saved.version);
    } catch (e) {
      setStatus('');
      setError(toMessage(e instanceof ApiError ? e : new ApiError('NETWORK', '', 0)));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (file: EvidenceRef) => {
    setError(null);
    try {
      const saved = await removeEvidence(target, code, version, file.id);
      setRemoved((ids) => new Set([...ids, file.id]));
      setStatus(t('evidence.removed', { name: file.name }));
      changed(saved.version);
      input.current?.focus();
    } catch (e) {
      setError(toMessage(e instanceof ApiError ? e : new ApiError('NETWORK', '', 0)));
    }
  };

  const busy = progress !== null;
  const listId = `${id}-list`;
  return (
    <section className="cs-evidence" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="cs-evidence-title">
        <PaperClipOutlined aria-hidden /> {t('evidence.title', { code })}
      </h3>
      {files.length === 0 ? (
        <p className="cs-muted cs-small cs-evidence-none">{t('evidence.none')}</p>
      ) : (
        <ul id={listId} className="cs-evidence-list">
          {files.map((f) => (
            <li key={f.id} className="cs-evidence-item">
              <a href={evidenceUrl(f.id)} download={f.name} className="cs-evidence-name cs-break">
                <DownloadOutlined aria-hidden /> {f.name}
              </a>
              <span className="cs-muted cs-small">
                {fmt.size(f.size)} · {fmt.type(f.type)}
              </span>
              {editable ? (
                <Popconfirm
                  title={t('evidence.confirmRemove', { name: f.name })}
                  okText={t('evidence.remove')}
                  cancelText={t('evidence.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => void remove(f)}
                >
                  <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('evidence.removeNamed', { name: f.name })}>
                    {t('evidence.remove')}
                  </Button>
                </Popconfirm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <div className="cs-evidence-upload">
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept={ACCEPT}
            className="cs-evidence-input"
            disabled={busy}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          <label htmlFor={`${id}-file`} className={`cs-evidence-button${busy ? ' cs-evidence-busy' : ''}`}>
            <UploadOutlined aria-hidden /> {t('evidence.add')}
          </label>
          <span id={`${id}-hint`} className="cs-muted cs-small">
            {t('evidence.hint', { max: fmt.size(MAX_BYTES) })}
          </span>
        </div>
      ) : null}
      {busy ? <Progress percent={Math.round(progress * 100)} size="small" status="active" aria-label={t('evidence.progress')} /> : null}
      <p className="cs-sr-only" aria-live="polite">
        {status}
      </p>
      {error ? <Alert type="error" showIcon role="alert" title={t('evidence.failed')} description={<span className="cs-break">{error}</span>} /> : null}
    </section>
  );
}
