import { Alert, Button, Card } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadlineRow } from '../../api/types.ts';
import { ApiErrorView, useErrorMessage } from '../../components/ApiErrorView.tsx';
import { formatDate } from '../../format.ts';
import { deadlinesQuery, saveDeadlines, type DeadlineInput } from './queries.ts';

const input = (d: DeadlineRow): DeadlineInput => ({
  family: d.family,
  level: d.level,
  submitBy: d.submitBy,
  reviewBy: d.reviewBy,
  approveBy: d.approveBy,
  note: d.note,
});

/** The year's deadlines; the province (and admin) set the general one here, keeping the year's specific ones. */
export function DeadlinePanel({ year, canSet }: { year: number; canSet: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const message = useErrorMessage();
  const q = useQuery(deadlinesQuery(year));
  const rows = q.data?.deadlines ?? [];
  const general = rows.find((d) => d.family === null && d.level === null);
  const [edit, setEdit] = useState(false);
  const [form, setForm] = useState({ submitBy: '', reviewBy: '', approveBy: '' });
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      saveDeadlines(year, [
        ...rows.filter((d) => d !== general).map(input),
        { family: null, level: null, submitBy: form.submitBy, reviewBy: form.reviewBy || null, approveBy: form.approveBy || null, note: general?.note ?? null },
      ]),
    onSuccess: async () => {
      setEdit(false);
      await Promise.all([client.invalidateQueries({ queryKey: ['deadlines', year] }), client.invalidateQueries({ queryKey: ['boards'] })]);
    },
  });
  const open = () => {
    setForm({ submitBy: general?.submitBy ?? '', reviewBy: general?.reviewBy ?? '', approveBy: general?.approveBy ?? '' });
    setTried(false);
    save.reset();
    setEdit(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (form.submitBy) save.mutate();
  };
  const scope = (d: DeadlineRow) => (d.family === null && d.level === null ? t('boards.deadline.scopeAll') : [d.family, d.level].filter(Boolean).join(' · '));
  return (
    <Card size="small" title={<h2 className="cs-board-h2">{t('boards.deadline.title', { year })}</h2>} data-testid="deadlines">
      {q.error ? <ApiErrorView error={q.error} onRetry={() => void q.refetch()} /> : null}
      {rows.length === 0 && q.isSuccess ? <p className="cs-muted">{t('boards.deadline.none')}</p> : null}
      {rows.length > 0 ? (
        <ul className="cs-board-deadlines">
          {rows.map((d) => (
            <li key={`${d.family ?? '*'}|${d.level ?? '*'}`}>
              <strong>{scope(d)}</strong>: {t('boards.deadline.submitBy')} {formatDate(d.submitBy)}
              {d.reviewBy ? ` · ${t('boards.deadline.reviewBy')} ${formatDate(d.reviewBy)}` : ''}
              {d.approveBy ? ` · ${t('boards.deadline.approveBy')} ${formatDate(d.approveBy)}` : ''}
              {d.note ? <span className="cs-muted"> ({d.note})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {save.isSuccess && !edit ? <Alert type="success" showIcon title={t('boards.deadline.saved', { year })} /> : null}
      {canSet && !edit ? (
        <Button onClick={open} data-testid="deadline-edit">
          {t('boards.deadline.edit')}
        </Button>
      ) : null}
      {canSet && edit ? (
        <form className="cs-board-deadline-form" onSubmit={submit} aria-label={t('boards.deadline.edit')}>
          <p className="cs-muted cs-board-small">{t('boards.deadline.hint')}</p>
          {(['submitBy', 'reviewBy', 'approveBy'] as const).map((f) => (
            <label key={f} htmlFor={`${id}-${f}`}>
              {t(`boards.deadline.${f}`)}
              <input
                id={`${id}-${f}`}
                type="date"
                value={form[f]}
                min={`${year}-01-01`}
                aria-invalid={f === 'submitBy' && tried && !form.submitBy ? true : undefined}
                onChange={(e) => setForm({ ...form, [f]: e.target.value })}
              />
            </label>
          ))}
          {tried && !form.submitBy ? (
            <p className="cs-entry-error" role="alert">
              {t('boards.deadline.submitRequired')}
            </p>
          ) : null}
          {save.error ? <Alert type="error" showIcon role="alert" title={message(save.error)} /> : null}
          <div className="cs-board-buttons">
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="deadline-save">
              {t('boards.deadline.save')}
            </Button>
            <Button onClick={() => setEdit(false)}>{t('common.cancel')}</Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
