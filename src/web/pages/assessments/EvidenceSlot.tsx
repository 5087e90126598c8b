import type { AssessmentBody } from '../../api/types.ts';
import { EvidenceList } from '../../components/evidence/EvidenceList.tsx';

/** The evidence files of a field, uploaded and removed on the version the screen holds. */
export function EvidenceSlot({ body, code, editable, onChanged }: { body: AssessmentBody; code: string; editable: boolean; onChanged: () => void }) {
  const files = body.values[code]?.evidence ?? body.criteria[code]?.evidence ?? [];
  return (
    <EvidenceList
      unitCode={body.unit.code}
      family={body.family}
      year={body.year}
      code={code}
      version={body.version}
      editable={editable}
      files={files}
      onChanged={onChanged}
    />
  );
}
