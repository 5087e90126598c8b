import { useTranslation } from 'react-i18next';
import type { AssessmentBody } from '../../api/types.ts';

/** The evidence files of a field (the upload and download component takes this place once available). */
export function EvidenceSlot({ body, code }: { body: AssessmentBody; code: string; editable: boolean }) {
  const { t } = useTranslation();
  const files = body.values[code]?.evidence ?? body.criteria[code]?.evidence ?? [];
  if (files.length === 0) return null;
  return (
    <p className="cs-small" style={{ margin: 0 }}>
      {t('entry.evidence')}: {files.map((f) => f.name).join(', ')}
    </p>
  );
}
