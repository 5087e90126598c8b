import { Link } from '@tanstack/react-router';
import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { SampleTag } from '../../components/tags.tsx';
import { useWide } from '../../components/useWide.ts';
import { formatDate } from '../../format.ts';
import { currentStep, type DossierBody } from './queries.ts';
import { DossierStatusTag } from './StatusTag.tsx';

/** The register's dossiers: a table on a wide screen, cards at 360 px. */
export function DossierList({ dossiers, busy }: { dossiers: DossierBody[]; busy: boolean }) {
  const { t } = useTranslation();
  const wide = useWide();
  const unit = (d: DossierBody) => (
    <>
      <Link to="/cong-nhan/$id" params={{ id: String(d.id) }}>
        {d.unit.name}
      </Link>{' '}
      <span className="cs-muted">{d.unit.code}</span>
      {d.unit.validTo ? <div className="cs-muted">{t('recognition.until', { date: formatDate(d.unit.validTo) })}</div> : null}
      {d.sample ? (
        <>
          {' '}
          <SampleTag short />
        </>
      ) : null}
    </>
  );
  const step = (d: DossierBody) => t(`recognition.stepShort.${currentStep(d)}`);
  const decision = (d: DossierBody) =>
    d.decision ? (
      <>
        {d.decision.number}
        <div className="cs-muted">{formatDate(d.decision.date)}</div>
      </>
    ) : (
      t('common.none')
    );
  if (!wide)
    return (
      <section aria-label={t('recognition.listCaption')} aria-busy={busy}>
        {dossiers.length === 0 ? <p role="status">{t('recognition.empty')}</p> : null}
        <ul className="cs-rec-cards">
          {dossiers.map((d) => (
            <li key={d.id} className="cs-rec-card">
              <div>{unit(d)}</div>
              <div>
                {t(`recognition.tierLabel.${d.tier}`)} · {d.year} · <DossierStatusTag status={d.status} />
              </div>
              <div>
                {t('recognition.currentStep')}: {step(d)}
              </div>
              {d.decision ? (
                <div>
                  {t('recognition.decision')}: {d.decision.number}, {formatDate(d.decision.date)}
                </div>
              ) : null}
              {d.revocation ? (
                <div>
                  {t('recognition.revokedOn', { date: formatDate(d.revocation.date) })}: {d.revocation.reason}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    );
  const columns: NonNullable<TableProps<DossierBody>['columns']> = [
    { key: 'unit', title: t('recognition.unit'), render: (_, d) => unit(d) },
    { key: 'tier', title: t('recognition.tier'), render: (_, d) => t(`recognition.tierLabel.${d.tier}`) },
    { key: 'year', title: t('recognition.year'), dataIndex: 'year', width: 70 },
    { key: 'step', title: t('recognition.currentStep'), render: (_, d) => step(d) },
    { key: 'decision', title: t('recognition.decision'), render: (_, d) => decision(d) },
    { key: 'status', title: t('recognition.status'), render: (_, d) => <DossierStatusTag status={d.status} /> },
    {
      key: 'revoked',
      title: t('recognition.revocation'),
      render: (_, d) => (d.revocation ? `${formatDate(d.revocation.date)}: ${d.revocation.reason}` : ''),
    },
  ];
  return (
    <Table<DossierBody>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={dossiers}
      loading={busy}
      locale={{ emptyText: t('recognition.empty') }}
      title={() => <span className="cs-sr-only">{t('recognition.listCaption')}</span>}
      pagination={dossiers.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
    />
  );
}
