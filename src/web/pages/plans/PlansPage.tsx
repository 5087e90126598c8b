import './messages.ts';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../auth/can.ts';
import { useAuth } from '../../auth/session.ts';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pill } from '../../components/tags.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFormat } from '../../format.ts';
import { PlanEditor } from './PlanEditor.tsx';
import { PlanFacts } from './PlanFacts.tsx';
import { plansQuery } from './queries.ts';
import './plans.css';

/** The plans: number, title, issuer, date, area, period and number of targets; staff who may write plans create one here. */
export default function PlansPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const f = useFormat();
  const [creating, setCreating] = useState(false);
  usePageTitle(t('plans.title'));
  const list = useQuery(plansQuery);
  const plans = list.data?.plans ?? [];
  return (
    <div className="cs-stack">
      <header className="cs-stack">
        <h1 className="cs-page-title">{t('plans.title')}</h1>
        <p className="cs-muted" style={{ margin: 0 }}>
          {t('plans.intro')}
        </p>
        {can(user, 'plan:write') ? (
          <div>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="create-plan">
              {t('plans.create')}
            </Button>
          </div>
        ) : null}
      </header>
      {list.error ? <ApiErrorView error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.isSuccess && plans.length === 0 ? <p>{t('plans.empty')}</p> : null}
      <ul className="cs-plan-list" data-testid="plan-list">
        {plans.map((p) => (
          <li key={p.id} className="cs-plan-card" data-plan={p.number}>
            <h2 className="cs-plan-card-title">
              <Link to="/ke-hoach/$id" params={{ id: String(p.id) }}>
                {t('plans.number')} {p.number}
              </Link>{' '}
              {p.builtin ? (
                <Pill tone="grey" title={t('plans.builtinHint')}>
                  {t('plans.builtin')}
                </Pill>
              ) : null}
              {p.sample ? <Pill tone="sample">{t('plans.sample')}</Pill> : null}
            </h2>
            <p className="cs-plan-card-name">{p.title}</p>
            <PlanFacts plan={p}>
              <div>
                <dt>{t('plans.targets')}</dt>
                <dd data-testid="target-count">{f.num(p.targets)}</dd>
              </div>
            </PlanFacts>
            {p.implements ? <p className="cs-muted cs-plan-card-name">{t('plans.implements', { number: p.implements })}</p> : null}
          </li>
        ))}
      </ul>
      {creating ? <PlanEditor open onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
