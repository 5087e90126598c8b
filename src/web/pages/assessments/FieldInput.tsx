import { Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntryField } from '../../../domain/assessments/values.ts';

interface Props {
  field: EntryField;
  id: string;
  labelId: string;
  raw: string;
  disabled: boolean;
  invalid: boolean;
  describedBy: string;
  onChange: (raw: string) => void;
}

/** The input a field's kind takes: a number with its unit, a percentage, Đạt/Chưa đạt, or a criterion status. */
export function FieldInput({ field, id, labelId, raw, disabled, invalid, describedBy, onChange }: Props) {
  const { t } = useTranslation();
  if (field.entry === 'number' || field.entry === 'percent') {
    const unit = field.entry === 'percent' ? '%' : field.unit;
    return (
      <Input
        id={id}
        className="cs-entry-number"
        inputMode="decimal"
        autoComplete="off"
        value={raw}
        disabled={disabled}
        status={invalid ? 'error' : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        suffix={unit ? <span aria-hidden>{unit}</span> : undefined}
        placeholder={field.entry === 'percent' ? t('entry.percentHint') : t('entry.numberHint')}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  const options =
    field.entry === 'yes-no'
      ? [
          { value: 'true', label: t('entry.yes') },
          { value: 'false', label: t('entry.no') },
        ]
      : field.statuses.map((s) => ({ value: s, label: t(`status.${s}`) }));
  return (
    <Radio.Group
      id={id}
      className="cs-entry-choice"
      optionType="button"
      disabled={disabled}
      value={raw}
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      onChange={(e) => onChange(String(e.target.value))}
      options={[{ value: '', label: t('entry.empty') }, ...options]}
    />
  );
}
