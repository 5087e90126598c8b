import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../api/types.ts';
import { useValueText } from './values.ts';

/** Stored values this version cannot use (a code it does not have): listed, never evaluated. */
export function NotInVersion({ items }: { items: Evaluation['notInVersion'] }) {
  const { t } = useTranslation();
  const fmt = useValueText();
  if (items.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="not-in-version"
      title={t('scorecard.notInVersion', { count: items.length })}
      description={
        <>
          <p style={{ margin: '0 0 4px' }}>{t('scorecard.notInVersionHint')}</p>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {items.map((v) => (
              <li key={`${v.storedUnder}/${v.code}`} className="cs-break">
                <span className="cs-ind-code">{v.code}</span>: {fmt.value(v.value)} — {t(`scorecard.notInVersionReason.${v.reason}`)}
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}
