import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/types.ts';
import { Link } from '../../router.tsx';
import { compareVi } from '../../../domain/units/names.ts';
import { unitHref, type ViewParams } from '../viewParams.ts';

/** The unit's hamlets (xóm) in force on the date, each linking to its own scorecard. */
export function HamletList({ children, view }: { children: Unit[]; view: ViewParams }) {
  const { t } = useTranslation();
  const sorted = [...children].sort((a, b) => compareVi(a.name, b.name));
  return (
    <Card size="small" title={<h2 className="cs-section-title">{`${t('scorecard.hamlets')} (${sorted.length})`}</h2>}>
      {sorted.length === 0 ? (
        <p className="cs-muted">{t('scorecard.hamletsEmpty')}</p>
      ) : (
        <ul className="cs-hamlets" data-testid="hamlets">
          {sorted.map((h) => (
            <li key={h.code}>
              <Link to={unitHref(h.code, { asOf: view.asOf, year: view.year })}>{h.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
