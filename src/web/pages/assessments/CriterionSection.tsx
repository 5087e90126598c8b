import type { EntryField } from '../../../domain/assessments/values.ts';
import type { EvalContext } from '../../../domain/criteria/context.ts';
import type { Criterion } from '../../../domain/criteria/schema.ts';
import type { Evaluation } from '../../../domain/evaluation/types.ts';
import type { AssessmentBody } from '../../api/types.ts';
import { StatusTag } from '../../components/tags.tsx';
import { changesOf, type Draft, type FieldDraft } from './draft.ts';
import { ValueHistory } from '../audit/ValueHistory.tsx';
import { EvidenceSlot } from './EvidenceSlot.tsx';
import { FieldRow } from './FieldRow.tsx';

interface Props {
  criterion: Criterion;
  fields: readonly EntryField[];
  ctx: EvalContext;
  draft: Draft;
  base: AssessmentBody;
  problems: Record<string, string>;
  evaluation: Evaluation | null;
  editable: boolean;
  onChange: (code: string, next: FieldDraft) => void;
  onEvidenceChanged: () => void;
}

/** A criterion of the decision with its fields, and its status as evaluated from what is on the screen. */
export function CriterionSection({ criterion, fields, ctx, draft, base, problems, evaluation, editable, onChange, onEvidenceChanged }: Props) {
  const id = `crit-${criterion.code.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const result = evaluation?.criteria[criterion.code];
  return (
    <section className="cs-entry-criterion" aria-labelledby={id} data-testid={`criterion-${criterion.code}`}>
      <div className="cs-entry-head">
        <h2 id={id} className="cs-section-title">
          {criterion.code}. {criterion.name}
        </h2>
        {result ? <StatusTag status={result.status} reason={result.reason} /> : null}
      </div>
      <ul className="cs-entry-fields">
        {fields.map((f) => {
          const d = draft[f.code] ?? { raw: '', note: '' };
          const one = changesOf([f], { [f.code]: d }, base);
          const changed = Object.keys(one.values).length + Object.keys(one.criteria).length + Object.keys(one.notes).length > 0;
          const stored = f.target === 'indicator' ? base.values[f.code] : base.criteria[f.code];
          return (
            <FieldRow
              key={f.code}
              field={f}
              ctx={ctx}
              draft={d}
              problem={problems[f.code]}
              status={f.target === 'indicator' ? evaluation?.indicators[f.code]?.status : undefined}
              editable={editable}
              changed={changed}
              stored={stored}
              evidence={<EvidenceSlot body={base} code={f.code} editable={editable} onChanged={onEvidenceChanged} />}
              history={base.version > 0 ? <ValueHistory unitCode={base.unit.code} family={base.family} year={base.year} code={f.code} /> : null}
              onChange={(next) => onChange(f.code, next)}
            />
          );
        })}
      </ul>
    </section>
  );
}
