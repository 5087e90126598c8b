import { Radio } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { VALUE_BASES, type ValueBasis } from '../../domain/assessments/workflow.ts';

/**
 * Which stored values a view counts: approved ones (the default), or also submitted ones, or drafts too; and a line
 * saying which the figures on the page show.
 */
export function BasisControl({ basis, onChange }: { basis: ValueBasis; onChange: (b: ValueBasis) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="cs-basis" data-testid="basis">
      <span id={id} className="cs-basis-label">
        {t('entry.basis.label')}
      </span>
      <Radio.Group
        aria-labelledby={id}
        optionType="button"
        size="small"
        value={basis}
        onChange={(e) => onChange(e.target.value as ValueBasis)}
        options={VALUE_BASES.map((b) => ({ value: b, label: t(`entry.basis.${b}`) }))}
      />
      <p className="cs-muted cs-small" style={{ margin: 0, flexBasis: '100%' }} data-testid="basis-shown">
        {t(`entry.basis.shows.${basis}`)}
      </p>
    </div>
  );
}
