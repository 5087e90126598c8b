import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/types.ts';
import { Link } from '@tanstack/react-router';
import { compareVi } from '../../../domain/units/names.ts';
import { unitLink } from '../../routes/links.ts';
import type { ViewParams } from '../../view.ts';
import { AddHamletModal } from './AddHamletModal.tsx';

interface Props {
  children: Unit[];
  view: ViewParams;
  /** The unit whose children these are: a district lists communes, a commune hamlets. */
  level: string;
  /** The commune, when the user may add hamlets to it (province and admin accounts). */
  addTo?: { code: string; name: string } | undefined;
}

/** The unit's hamlets (xóm) in force on the date, each linking to its own scorecard; the province can add one. */
export function HamletList({ children, view, addTo, level }: Props) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const sorted = [...children].sort((a, b) => compareVi(a.name, b.name));
  const add = addTo ? (
    <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)} data-testid="add-hamlet">
      {t('hamlet.add')}
    </Button>
  ) : null;
  return (
    <Card
      size="small"
      title={<h2 className="cs-section-title">{`${t(level === 'district' ? 'scorecard.communes' : 'scorecard.hamlets')} (${sorted.length})`}</h2>}
      extra={add}
    >
      {sorted.length === 0 ? (
        <p className="cs-muted">{t(level === 'district' ? 'scorecard.communesEmpty' : 'scorecard.hamletsEmpty')}</p>
      ) : (
        <ul className="cs-hamlets" data-testid="hamlets">
          {sorted.map((h) => (
            <li key={h.code}>
              <Link {...unitLink(h.code, { asOf: view.asOf, year: view.year })}>{h.name}</Link>
            </li>
          ))}
        </ul>
      )}
      {addTo ? <AddHamletModal open={adding} commune={addTo} asOf={view.asOf} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}
