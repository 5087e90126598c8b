import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../auth/can.ts';
import { useAuth } from '../../auth/session.ts';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { todayVn } from '../../format.ts';
import { yearOptions } from '../../view.ts';
import { CreateDossierModal } from './CreateDossierModal.tsx';
import { Disagreements } from './Disagreements.tsx';
import { DossierList } from './DossierList.tsx';
import { currentStep, registerQuery, STEPS, TIERS } from './queries.ts';
import type { RecognitionSearch } from './search.ts';
import './recognition.css';

const route = getRouteApi('/staff/cong-nhan');

/** The recognition register: dossiers with their step, decision and status; and the units where recognition and evaluation disagree. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [creating, setCreating] = useState(false);
  usePageTitle(t('recognition.title'));
  const list = useQuery({ ...registerQuery({ year: search.year, tier: search.tier }), placeholderData: keepPreviousData });
  const set = (patch: Partial<RecognitionSearch>) => void navigate({ search: (s: RecognitionSearch) => ({ ...s, ...patch }), replace: true });
  const value = (v: string) => (v === '' ? undefined : v);
  const needle = search.q?.trim().toLocaleLowerCase('vi');
  const dossiers = (list.data?.dossiers ?? []).filter(
    (d) =>
      (!search.step || currentStep(d) === search.step) && (!needle || d.unit.name.toLocaleLowerCase('vi').includes(needle) || d.unit.code.includes(needle)),
  );
  const today = todayVn();
  const tab = search.tab ?? 'dossiers';

  return (
    <div className="cs-stack">
      <header className="cs-stack">
        <h1 className="cs-page-title">{t('recognition.title')}</h1>
        <p className="cs-muted" style={{ margin: 0 }}>
          {t('recognition.intro')}
        </p>
        {can(user, 'recognition:write') ? (
          <div>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="create-dossier">
              {t('recognition.create')}
            </Button>
          </div>
        ) : null}
      </header>
      <form className="cs-rec-filters" aria-label={t('recognition.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('recognition.year')}
          <select value={search.year ?? ''} onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{t('recognition.allYears')}</option>
            {yearOptions().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('recognition.tier')}
          <select value={search.tier ?? ''} onChange={(e) => set({ tier: value(e.target.value) as RecognitionSearch['tier'] })}>
            <option value="">{t('recognition.allTiers')}</option>
            {TIERS.map((k) => (
              <option key={k} value={k}>
                {t(`recognition.tierLabel.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('recognition.currentStep')}
          <select value={search.step ?? ''} onChange={(e) => set({ step: value(e.target.value) as RecognitionSearch['step'] })}>
            <option value="">{t('recognition.allSteps')}</option>
            {STEPS.map((k) => (
              <option key={k} value={k}>
                {t(`recognition.stepShort.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('recognition.search')}
          <input type="search" size={14} defaultValue={search.q ?? ''} onChange={(e) => set({ q: value(e.target.value) })} />
        </label>
        <button type="button" className="cs-btn cs-btn-small" onClick={() => void navigate({ search: {} })}>
          {t('recognition.reset')}
        </button>
      </form>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'disagreements' ? 'disagreements' : undefined })}
        items={[
          {
            key: 'dossiers',
            label: t('recognition.tabDossiers', { count: dossiers.length }),
            children: (
              <>
                {list.error ? <ApiErrorView error={list.error} onRetry={() => void list.refetch()} /> : null}
                <DossierList dossiers={dossiers} busy={list.isFetching} />
              </>
            ),
          },
          {
            key: 'disagreements',
            label: t('recognition.tabDisagreements'),
            children: tab === 'disagreements' ? <Disagreements asOf={today} year={search.year ?? Number(today.slice(0, 4))} q={search.q} /> : null,
          },
        ]}
      />
      <CreateDossierModal open={creating} onClose={() => setCreating(false)} year={search.year} />
    </div>
  );
}
