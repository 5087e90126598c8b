import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format.ts';
import type { PlanSummary } from './queries.ts';

/** A plan's date, issuer, area and period, as the list and the plan page show them; `children` adds more facts. */
export function PlanFacts({ plan, children }: { plan: Pick<PlanSummary, 'date' | 'issuer' | 'scope' | 'period'>; children?: ReactNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <dl className="cs-plan-facts">
      <div>
        <dt>{t('plans.date')}</dt>
        <dd>{f.date(plan.date)}</dd>
      </div>
      <div>
        <dt>{t('plans.issuer')}</dt>
        <dd>{plan.issuer}</dd>
      </div>
      <div>
        <dt>{t('plans.scope')}</dt>
        <dd>
          {plan.scope.name} ({plan.scope.code})
        </dd>
      </div>
      <div>
        <dt>{t('plans.period')}</dt>
        <dd>
          {plan.period.from}–{plan.period.to}
        </dd>
      </div>
      {children}
    </dl>
  );
}
