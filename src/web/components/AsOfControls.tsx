import { Button, Select } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REORG_FIRST_DAY, REORG_LAST_DAY, yearOptions } from '../view.ts';
import { DateField } from './DateField.tsx';
import './asof.css';

interface Props {
  asOf: string;
  year: number;
  onChange: (asOf: string, year: number) => void;
  /** Show the two presets around the 1 July 2025 reorganisation (the overview); the scorecard keeps only date and year. */
  presets?: boolean;
  /** The years the server can evaluate; the programme's years until it says. */
  years?: number[] | undefined;
}

/**
 * Which administrative map and which year's data to show; the date can be typed (dd/mm/yyyy) or picked.
 */
export function AsOfControls({ asOf, year, onChange, presets = true, years }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const before = asOf < REORG_FIRST_DAY;
  const offered = years && years.length > 0 ? [...years].sort((a, b) => b - a) : yearOptions();
  return (
    <div role="group" aria-label={t('asOf.legend')} className="cs-asof">
      {presets ? (
        <div className="cs-asof-presets">
          <Button type={before ? 'primary' : 'default'} aria-pressed={before} onClick={() => onChange(REORG_LAST_DAY, 2025)}>
            {t('asOf.before')}
          </Button>
          <Button type={!before ? 'primary' : 'default'} aria-pressed={!before} onClick={() => onChange(REORG_FIRST_DAY, 2025)}>
            {t('asOf.after')}
          </Button>
        </div>
      ) : null}
      <div className="cs-asof-fields">
        <span className="cs-field">
          <label htmlFor={`${id}-date`}>{t('asOf.date')}</label>
          <DateField id={`${id}-date`} value={asOf} onChange={(d) => onChange(d, Number(d.slice(0, 4)))} />
        </span>
        <span className="cs-field">
          <label htmlFor={`${id}-year`}>{t('asOf.year')}</label>
          <Select
            id={`${id}-year`}
            value={year}
            onChange={(y: number) => onChange(asOf, y)}
            options={offered.map((y) => ({ value: y, label: String(y) }))}
            className="cs-year"
          />
        </span>
      </div>
    </div>
  );
}
