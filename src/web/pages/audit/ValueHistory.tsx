import { HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorView } from '../../components/ApiErrorView.tsx';
import { ChangeList, type Change } from './ChangeList.tsx';
import { assessmentHistoryQuery, type AssessmentChange } from './queries.ts';

interface Props {
  unitCode: string;
  family: string;
  year: number;
  /** The indicator or criterion code whose changes are shown. */
  code: string;
}

const who = (c: AssessmentChange) => c.userName || c.user || null;

/** The changes of one value (or criterion status), newest first, as the assessment's history records them. */
export function ValueHistoryList({ unitCode, family, year, code }: Props) {
  const { t } = useTranslation();
  const q = useQuery(assessmentHistoryQuery(unitCode, family, year));
  const changes: Change[] = (q.data ?? [])
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.code === code)
    .reverse()
    .map(({ c, i }) => ({
      key: String(i),
      at: c.at,
      who: who(c),
      action: c.action,
      context: null,
      code: null,
      before: c.before,
      after: c.after,
      hasValues: c.before !== undefined || c.after !== undefined,
      source: c.source,
      sourceRef: c.sourceRef ?? null,
      reason: c.reason ?? null,
    }));
  return (
    <>
      {q.error ? <ApiErrorView error={q.error} onRetry={() => void q.refetch()} /> : null}
      <ChangeList caption={t('audit.valueHistoryTitle', { code })} changes={changes} busy={q.isFetching} emptyText={t('audit.valueHistoryEmpty')} />
    </>
  );
}

/** A "History" button beside a value on the entry screen; opens the value's history in a drawer. */
export function ValueHistory(props: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        type="link"
        icon={<HistoryOutlined aria-hidden />}
        onClick={() => setOpen(true)}
        aria-label={t('audit.valueHistoryTitle', { code: props.code })}
      >
        {t('audit.valueHistory')}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('audit.valueHistoryTitle', { code: props.code })} width="min(640px, 100vw)" destroyOnHidden>
        {open ? <ValueHistoryList {...props} /> : null}
      </Drawer>
    </>
  );
}

export default ValueHistory;
