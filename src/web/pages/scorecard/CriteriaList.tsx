import { Alert, Button, Collapse } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionResult, Evaluation } from '../../api/types.ts';
import { Pill, StatusTag } from '../../components/tags.tsx';
import { useFormat } from '../../format.ts';
import { IndicatorItem } from './IndicatorItem.tsx';
import { NotInVersion } from './NotInVersion.tsx';
import { useValueText } from './values.ts';

/** Each criterion as a collapsible panel listing its indicators; criteria not yet met start open. */
export function CriteriaList({ evaluation, doc }: { evaluation: Evaluation; doc: string }) {
  const { t } = useTranslation();
  const { num } = useFormat();
  const fmt = useValueText();
  const criteria = Object.values(evaluation.criteria);
  const indicators = Object.values(evaluation.indicators);
  const [open, setOpen] = useState<string[]>(() => criteria.filter((c) => c.status === 'not-met').map((c) => c.code));

  const header = (c: CriterionResult) => (
    <span className="cs-crit-head">
      <span className="cs-crit-name cs-break">
        <span className="cs-ind-code">{c.code}</span> {c.name}
      </span>
      <span className="cs-tags">
        <StatusTag status={c.status} reason={c.reason} />
        {c.direct ? <Pill tone="grey">{t('scorecard.direct')}</Pill> : null}
        {c.indicatorsIncomplete ? (
          <Pill tone="warn">{t('scorecard.incomplete', { loaded: num(c.indicatorsLoaded), declared: num(c.indicatorsDeclared ?? c.indicatorsLoaded) })}</Pill>
        ) : null}
        {c.indicatorsTotal > 0 ? (
          <span className="cs-muted cs-small cs-count">{t('scorecard.indicatorsMet', { met: num(c.indicatorsMet), total: num(c.indicatorsTotal) })}</span>
        ) : null}
      </span>
    </span>
  );

  const items = criteria.map((c) => {
    const own = indicators.filter((i) => i.criterion === c.code);
    return {
      key: c.code,
      label: header(c),
      children: (
        <>
          {c.awaitingDirect ? (
            <p className="cs-small" style={{ margin: 0 }}>
              {t('scorecard.awaitingDirectHint')}
            </p>
          ) : c.direct ? (
            <p className="cs-muted cs-small" style={{ margin: 0 }}>
              {t('scorecard.directHint')}
            </p>
          ) : null}
          {c.earlierRecord ? (
            <p className="cs-small" style={{ margin: '4px 0 0' }} data-testid="earlier-record">
              {t('scorecard.earlierRecord', { value: fmt.value(c.earlierRecord.value), set: c.earlierRecord.storedUnder })}
            </p>
          ) : null}
          {own.length > 0 ? (
            <ul className="cs-ind-list">
              {own.map((i) => (
                <IndicatorItem key={i.code} ind={i} doc={doc} />
              ))}
            </ul>
          ) : c.direct ? null : (
            <p className="cs-muted">{t('scorecard.noIndicators')}</p>
          )}
        </>
      ),
    };
  });

  const allOpen = open.length === criteria.length;
  const noThreshold = indicators.filter((i) => i.reason === 'no-threshold').length;
  return (
    <section aria-labelledby="cs-criteria-title" className="cs-stack-sm">
      <div className="cs-row">
        <h2 id="cs-criteria-title" className="cs-section-title">
          {t('scorecard.criteria')} ({num(criteria.length)})
        </h2>
        <Button size="small" onClick={() => setOpen(allOpen ? [] : criteria.map((c) => c.code))} data-testid="toggle-all">
          {allOpen ? t('scorecard.collapseAll') : t('scorecard.expandAll')}
        </Button>
      </div>
      {noThreshold > 0 ? (
        <Alert type="warning" showIcon title={t('scorecard.noThreshold', { count: num(noThreshold) })} data-testid="no-threshold-note" />
      ) : null}
      <NotInVersion items={evaluation.notInVersion} />
      <Collapse items={items} activeKey={open} onChange={(k) => setOpen(Array.isArray(k) ? k : [k])} className="cs-criteria" />
    </section>
  );
}
