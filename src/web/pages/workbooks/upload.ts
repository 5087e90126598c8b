import { ApiError } from '../../api/client.ts';
import type { ImportReport, ProgressLine } from '../../../server/workbooks/schema.ts';

export type ImportStage = 'uploading' | 'received' | 'reading' | 'checking' | 'saving';

export interface ImportProgress {
  stage: ImportStage;
  /** 0–1 within the stage, when known (the upload's bytes, the sheets checked). */
  fraction: number | null;
  done?: number;
  total?: number;
}

/**
 * Uploads a workbook and follows the server's progress: the bytes sent (XHR upload events), then the server's
 * stages read line by line from the streamed answer (application/x-ndjson) as they arrive.
 */
export function uploadWorkbook(form: FormData, onProgress: (p: ImportProgress) => void): Promise<ImportReport> {
  return new Promise<ImportReport>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/workbooks/assessments/import');
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    let seen = 0;
    let settled = false;
    const settle = (fn: () => void) => {
      if (!settled) {
        settled = true;
        fn();
      }
    };
    const readLines = () => {
      const text = xhr.responseText;
      let nl: number;
      while ((nl = text.indexOf('\n', seen)) >= 0) {
        const line = text.slice(seen, nl);
        seen = nl + 1;
        if (!line.trim()) continue;
        const msg = JSON.parse(line) as ProgressLine;
        if (msg.stage === 'done') settle(() => resolve(msg.report));
        else if (msg.stage === 'error') settle(() => reject(new ApiError(msg.error.code, msg.error.message, msg.status, msg.error.details ?? {})));
        else {
          const fraction = msg.total ? (msg.done ?? 0) / msg.total : null;
          onProgress({
            stage: msg.stage,
            fraction,
            ...(msg.done !== undefined ? { done: msg.done } : {}),
            ...(msg.total !== undefined ? { total: msg.total } : {}),
          });
        }
      }
    };
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress({ stage: 'uploading', fraction: e.loaded / e.total });
    };
    xhr.onprogress = () => {
      if (xhr.status === 200) readLines();
    };
    xhr.onload = () => {
      if (xhr.status === 200) {
        readLines();
        settle(() => reject(new ApiError('NETWORK', '', 0)));
        return;
      }
      let body: { error?: { code?: string; message?: string; details?: Record<string, unknown> } } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // Not JSON (a proxy's page): the generic message is shown.
      }
      settle(() => reject(new ApiError(body.error?.code ?? `HTTP_${xhr.status}`, body.error?.message ?? '', xhr.status, body.error?.details ?? {})));
    };
    xhr.onerror = () => settle(() => reject(new ApiError('NETWORK', '', 0)));
    xhr.send(form);
  });
}
