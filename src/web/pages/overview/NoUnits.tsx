import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format.ts';
import { REORG_FIRST_DAY, REORG_LAST_DAY } from '../../view.ts';

/**
 * No unit in the account's scope on the date. After 1 July 2025 that is what a district officer meets (the
 * districts were dissolved): offer the last day before the reorganisation instead of an empty table.
 */
export function NoUnits({ asOf, onBefore }: { asOf: string; onBefore: (asOf: string, year: number) => void }) {
  const { t } = useTranslation();
  const after = asOf >= REORG_FIRST_DAY;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="no-units"
      title={t('overview.noUnits', { date: formatDate(asOf) })}
      description={after ? t('overview.noUnitsAfterReorg') : undefined}
      action={
        after ? (
          <Button type="primary" onClick={() => onBefore(REORG_LAST_DAY, 2025)}>
            {t('overview.showBeforeReorg')}
          </Button>
        ) : undefined
      }
    />
  );
}
