import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitTypeLabel } from '../../format.ts';
import type { Filters, TierKey } from './filter.ts';

interface Props {
  value: Filters;
  onChange: (f: Filters) => void;
  tiers: TierKey[];
  districts: string[];
  types: string[];
}

/** Search by name and filters by tier, former district and unit type; every control has a visible label. */
export function OverviewFilters({ value, onChange, tiers, districts, types }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const typeLabel = useUnitTypeLabel();
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  // The search box keeps its own text while the URL catches up with each keystroke; Back (a different URL
  // value than the one last written) puts the URL's text back in the box.
  const [text, setText] = useState(value.search);
  const [written, setWritten] = useState(value.search);
  if (value.search !== written) {
    setWritten(value.search);
    setText(value.search);
  }
  const onSearch = (q: string) => {
    setText(q);
    setWritten(q);
    set({ search: q });
  };
  const active = value.search !== '' || value.tier || value.district || value.type;
  const tierLabel = (k: TierKey) => (k === 'none' ? t('tier.none') : k === 'na' ? t('tier.na') : k === 'no-data' ? t('tier.noData') : t(`tier.${k}`));
  return (
    <div role="search" aria-label={t('overview.filters.label')} className="cs-filters">
      <span className="cs-field cs-filter-search">
        <label htmlFor={`${id}-q`}>{t('overview.filters.search')}</label>
        <Input
          id={`${id}-q`}
          type="search"
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t('overview.filters.searchPlaceholder')}
          value={text}
          onChange={(e) => onSearch(e.target.value)}
        />
      </span>
      <span className="cs-field">
        <label htmlFor={`${id}-tier`}>{t('overview.filters.tier')}</label>
        <Select<TierKey>
          id={`${id}-tier`}
          allowClear
          placeholder={t('overview.filters.all')}
          value={value.tier ?? undefined}
          onChange={(v) => set({ tier: v ?? null })}
          options={tiers.map((k) => ({ value: k, label: tierLabel(k) }))}
          className="cs-filter-select"
        />
      </span>
      {districts.length > 0 ? (
        <span className="cs-field">
          <label htmlFor={`${id}-district`}>{t('overview.filters.district')}</label>
          <Select<string>
            id={`${id}-district`}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('overview.filters.all')}
            value={value.district ?? undefined}
            onChange={(v) => set({ district: v ?? null })}
            options={districts.map((d) => ({ value: d, label: d }))}
            className="cs-filter-select"
          />
        </span>
      ) : null}
      <span className="cs-field">
        <label htmlFor={`${id}-type`}>{t('overview.filters.type')}</label>
        <Select<string>
          id={`${id}-type`}
          allowClear
          placeholder={t('overview.filters.all')}
          value={value.type ?? undefined}
          onChange={(v) => set({ type: v ?? null })}
          options={types.map((ty) => ({ value: ty, label: typeLabel(ty) }))}
          className="cs-filter-select"
        />
      </span>
      {active ? (
        <Button
          onClick={() => {
            setText('');
            setWritten('');
            onChange({ search: '', tier: null, district: null, type: null });
          }}
          className="cs-filter-reset"
        >
          {t('overview.filters.reset')}
        </Button>
      ) : null}
    </div>
  );
}
