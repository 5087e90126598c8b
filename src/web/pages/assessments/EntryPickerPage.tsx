import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, Button, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluationQuery, unitSearchQuery } from '../../api/queries.ts';
import type { ApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../components/ApiErrorView.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { todayVn } from '../../format.ts';
import { yearOptions } from '../../view.ts';
import './entry.css';

/** Picks what to enter: a unit (by name) and a year; the set family is the one the unit is evaluated on that year. */
export default function EntryPickerPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const errorText = useErrorMessage();
  const [year, setYear] = useState(Number(todayVn().slice(0, 4)));
  const [q, setQ] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const asOf = year < 2025 ? `${year}-12-31` : todayVn() < `${year}-01-01` ? `${year}-01-01` : todayVn();
  const units = useQuery(unitSearchQuery({ q, asOf }));
  usePageTitle(t('entry.title'));
  const open = async (code: string) => {
    setProblem(null);
    try {
      const ev = await client.fetchQuery(evaluationQuery(code, { asOf: year < 2025 ? `${year}-06-30` : asOf, year, set: null }));
      const family = ev.evaluation?.family;
      if (!family) return setProblem(ev.explanation?.message ?? t('entry.noFamily'));
      await navigate({ to: '/nhap-lieu/$code/$family/$year', params: { code, family, year: String(year) } });
    } catch (e) {
      setProblem(errorText(e as ApiError));
    }
  };
  const list = (units.data?.units ?? []).filter((u) => u.level !== 'province').slice(0, 30);
  return (
    <div className="cs-stack cs-entry">
      <h1 className="cs-page-title">{t('entry.title')}</h1>
      <p className="cs-muted">{t('entry.pickHint')}</p>
      <div className="cs-entry-picker">
        <div>
          <label htmlFor="pick-year" className="cs-entry-note-label">
            {t('entry.year')}
          </label>
          <br />
          <Select id="pick-year" value={year} onChange={setYear} options={yearOptions().map((y) => ({ value: y, label: String(y) }))} style={{ width: 120 }} />
        </div>
        <div style={{ flex: '1 1 200px' }}>
          <label htmlFor="pick-q" className="cs-entry-note-label">
            {t('entry.unitName')}
          </label>
          <Input id="pick-q" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('entry.unitPlaceholder')} allowClear />
        </div>
      </div>
      {problem ? <Alert type="warning" showIcon title={problem} /> : null}
      <ul className="cs-entry-fields" data-testid="pick-list">
        {list.map((u) => (
          <li key={u.code} className="cs-entry-field">
            <Button type="link" onClick={() => void open(u.code)} style={{ whiteSpace: 'normal', textAlign: 'left', height: 'auto', padding: 0 }}>
              {u.name} ({u.code})
            </Button>
          </li>
        ))}
      </ul>
      {q.trim().length >= 2 && units.isSuccess && list.length === 0 ? <p>{t('entry.noUnits')}</p> : null}
    </div>
  );
}
