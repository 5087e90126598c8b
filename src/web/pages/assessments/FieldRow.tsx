import { Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryField } from '../../../domain/assessments/values.ts';
import type { EvalContext } from '../../../domain/criteria/context.ts';
import type { Status } from '../../../domain/evaluation/types.ts';
import { Pill, StatusTag } from '../../components/tags.tsx';
import { formatDate } from '../../format.ts';
import { useValueText } from '../scorecard/values.ts';
import type { FieldDraft } from './draft.ts';
import { FieldInput } from './FieldInput.tsx';
import { thresholdOf } from './live.ts';

interface Props {
  field: EntryField;
  ctx: EvalContext;
  draft: FieldDraft;
  problem: string | undefined;
  status: Status | undefined;
  editable: boolean;
  changed: boolean;
  stored: { updatedAt: string | null; updatedBy: string | null } | undefined;
  evidence: ReactNode;
  history: ReactNode;
  onChange: (next: FieldDraft) => void;
}

/** One field: its name, the input, the threshold that applies and whether it is confirmed, a note and evidence. */
export function FieldRow({ field, ctx, draft, problem, status, editable, changed, stored, evidence, history, onChange }: Props) {
  const { t } = useTranslation();
  const fmt = useValueText();
  const base = `f-${field.code.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const th = thresholdOf(field, ctx);
  const thresholdText = th ? (th.threshold ? fmt.threshold(th.threshold.value, field.indicator?.kind ?? '') : t('status.noThreshold')) : null;
  const describedBy = [`${base}-th`, problem ? `${base}-err` : null].filter(Boolean).join(' ');
  return (
    <li className={`cs-entry-field${changed ? ' cs-entry-changed' : ''}`} data-testid={`field-${field.code}`}>
      <div className="cs-entry-head">
        <label id={`${base}-label`} htmlFor={`${base}-input`} className="cs-entry-label">
          <span className="cs-ind-code">{field.code}</span> {field.name}
          {field.unit && field.entry === 'number' ? <span className="cs-muted"> ({field.unit})</span> : null}
        </label>
        {status ? <StatusTag status={status} /> : null}
      </div>
      <p id={`${base}-th`} className="cs-entry-threshold cs-small">
        {th ? (
          <>
            {t('entry.threshold')}: <strong>{thresholdText}</strong>
            {field.indicator?.unit && th.threshold?.value !== null && typeof th.threshold?.value === 'number' ? ` ${field.indicator.unit}` : ''}{' '}
            {th.confirmed ? <Pill tone="ok">{t('entry.confirmed')}</Pill> : <Pill tone="warn">{t('entry.unconfirmed')}</Pill>}
          </>
        ) : (
          <span className="cs-muted">{t('entry.directHint')}</span>
        )}
      </p>
      <FieldInput
        field={field}
        id={`${base}-input`}
        labelId={`${base}-label`}
        raw={draft.raw}
        disabled={!editable}
        invalid={!!problem}
        describedBy={describedBy}
        onChange={(raw) => onChange({ ...draft, raw })}
      />
      {problem ? (
        <p id={`${base}-err`} className="cs-entry-error" role="alert">
          {field.name}: {problem}
        </p>
      ) : null}
      <label className="cs-entry-note-label cs-small" htmlFor={`${base}-note`}>
        {t('entry.note')}
      </label>
      <Input.TextArea
        id={`${base}-note`}
        value={draft.note}
        disabled={!editable}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={2000}
        onChange={(e) => onChange({ ...draft, note: e.target.value })}
      />
      {evidence}
      {stored?.updatedAt || history ? (
        <p className="cs-muted cs-small cs-entry-meta">
          {stored?.updatedAt ? t('entry.updated', { date: formatDate(stored.updatedAt), user: stored.updatedBy ?? t('common.none') }) : null}
          {history}
        </p>
      ) : null}
    </li>
  );
}
