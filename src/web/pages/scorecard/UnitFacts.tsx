import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationResponse } from '../../api/types.ts';
import { SampleTag } from '../../components/tags.tsx';
import { formatDate, useUnitTypeLabel } from '../../format.ts';
import { Link } from '@tanstack/react-router';
import { unitLink } from '../../routes/links.ts';
import type { ViewParams } from '../../view.ts';

/** The unit's type, code, parent, legal basis and commune group (with its provenance). */
export function UnitFacts({ data, view, parentName }: { data: EvaluationResponse; view: ViewParams; parentName: string | null }) {
  const { t } = useTranslation();
  const typeLabel = useUnitTypeLabel();
  const { unit, group } = data;
  const items = [
    { key: 'type', label: t('scorecard.type'), children: typeLabel(unit.type) },
    { key: 'code', label: t('scorecard.code'), children: unit.code },
    ...(unit.level === 'hamlet' && unit.parentCode
      ? [
          {
            key: 'parent',
            label: t('scorecard.parentLabel'),
            children: <Link {...unitLink(unit.parentCode, view)}>{parentName ?? t('scorecard.parent', { code: unit.parentCode })}</Link>,
          },
        ]
      : []),
    ...(unit.level === 'hamlet'
      ? []
      : [
          {
            key: 'group',
            label: t('scorecard.group'),
            children: group ? (
              <span className="cs-break">
                {t('overview.groupN', { n: group.value })} {group.sample ? <SampleTag short /> : null}
                {group.source ? <span className="cs-unit-sub">{group.source}</span> : null}
              </span>
            ) : (
              t('overview.noGroup')
            ),
          },
        ]),
    ...(unit.region ? [{ key: 'region', label: t('scorecard.region'), children: unit.region }] : []),
    ...(unit.validFrom ? [{ key: 'from', label: t('scorecard.validFrom'), children: formatDate(unit.validFrom) }] : []),
    { key: 'legal', label: t('scorecard.legalBasis'), children: <span className="cs-break">{unit.legalBasis ?? t('common.none')}</span> },
  ];
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={items}
      className="cs-desc"
      title={<h2 className="cs-section-title">{t('scorecard.unitInfo')}</h2>}
    />
  );
}
