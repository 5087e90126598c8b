import { useBlocker } from '@tanstack/react-router';
import { Button } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentKey } from '../../api/queries.ts';
import { CriterionSection } from './CriterionSection.tsx';
import { liveValues } from './draft.ts';
import { compileFor, contextFor, evaluateDraft } from './live.ts';
import { LiveGap, LiveResult } from './LivePanel.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import type { EntryData } from './useEntryData.ts';
import { useEntryForm } from './useEntryForm.ts';
import { StateBanner, StatusPill, WorkflowButtons } from './WorkflowBar.tsx';

/** The entry form of one assessment: fields by criterion, the live result and gap, saving, the workflow. */
export function EntryForm({ entryKey, data }: { entryKey: AssessmentKey; data: EntryData }) {
  const { t } = useTranslation();
  const form = useEntryForm(entryKey, data);
  const { fields, base, draft, problems, dirty, busy, merging } = form;
  const ctx = useMemo(() => contextFor(data.set, { region: data.region }, data.group, entryKey.year), [data.set, data.region, data.group, entryKey.year]);
  // The referenced sets come as a new array on every render: their ids say when they really change.
  const refIds = data.refs.map((r) => r.id).join(',');
  const refs = useMemo(() => data.refs, [refIds]);
  const compiled = useMemo(() => compileFor(data.set, refs, ctx), [data.set, refs, ctx]);
  const live = useMemo(() => ('error' in compiled ? compiled : evaluateDraft(compiled, liveValues(fields, draft))), [compiled, fields, draft]);
  const evaluation = 'error' in live ? null : live;
  const editable = base.editable;
  const invalid = Object.keys(problems).length > 0;
  useBlocker({ shouldBlockFn: () => dirty && !window.confirm(t('entry.leaveConfirm')), enableBeforeUnload: () => dirty });
  const fieldMap = useMemo(() => new Map(fields.map((f) => [f.code, f])), [fields]);
  const byCriterion = data.set.criteria.map((c) => ({ criterion: c, fields: fields.filter((f) => f.criterion === c.code) })).filter((g) => g.fields.length > 0);

  return (
    <>
      <div className="cs-entry-bar">
        <span>
          {t('entry.status')}: <StatusPill status={base.status} />
        </span>
        <span className="cs-muted cs-small">{t('entry.version', { version: base.version })}</span>
      </div>
      <StateBanner body={base} />
      <div className="cs-entry-layout">
        <aside className="cs-entry-aside" aria-label={t('entry.live')}>
          <LiveResult evaluation={evaluation} error={'error' in live ? live.error : null} />
        </aside>
        <div className="cs-entry-main">
          {byCriterion.map((g) => (
            <CriterionSection
              key={g.criterion.code}
              criterion={g.criterion}
              fields={g.fields}
              ctx={ctx}
              draft={draft}
              base={base}
              problems={problems}
              evaluation={evaluation}
              editable={editable && !busy}
              onChange={(code, next) => form.setDraft((d) => ({ ...d, [code]: next }))}
              onEvidenceChanged={() => void form.refreshBase()}
            />
          ))}
        </div>
      </div>
      <LiveGap evaluation={evaluation} />
      <div className="cs-entry-footer" role="region" aria-label={t('entry.saveBar')}>
        {editable ? (
          <Button type="primary" onClick={() => void form.save()} loading={busy} disabled={!dirty || invalid} data-testid="save">
            {t('entry.save')}
          </Button>
        ) : null}
        {evaluation ? (
          <span className="cs-small" data-testid="footer-met">
            {t('entry.footerMet', { met: evaluation.criteriaMet, total: evaluation.criteriaTotal })}
          </span>
        ) : null}
        {dirty ? <span className="cs-small">{t('entry.unsaved')}</span> : null}
        {invalid ? <span className="cs-entry-error cs-small">{t('entry.fixFirst')}</span> : null}
        <WorkflowButtons actions={base.actions} busy={busy} dirty={dirty} onAction={form.act} />
      </div>
      <MergeDialog
        open={merging !== null}
        conflicts={merging?.conflicts ?? []}
        fields={fieldMap}
        by={merging ? lastWriter(merging.current) : null}
        choices={merging?.choices ?? {}}
        busy={busy}
        onChoose={(choices) => form.setMerging((m) => (m ? { ...m, choices } : m))}
        onConfirm={() => void form.confirmMerge()}
        onCancel={() => form.setMerging(null)}
      />
    </>
  );
}

function lastWriter(body: EntryData['body']): string | null {
  let best: { at: string; by: string } | null = null;
  for (const v of Object.values(body.values)) if (v.updatedAt && v.updatedBy && (!best || v.updatedAt > best.at)) best = { at: v.updatedAt, by: v.updatedBy };
  return best?.by ?? null;
}
