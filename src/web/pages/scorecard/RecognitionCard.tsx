import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationResponse } from '../../api/types.ts';
import { can } from '../../auth/can.ts';
import { useAuth } from '../../auth/session.ts';
import { SampleTag } from '../../components/tags.tsx';
import { formatDate } from '../../format.ts';
import type { ViewParams } from '../../view.ts';
import { CreateDossierModal } from '../recognition/CreateDossierModal.tsx';
import { tierRank, unitRecognitionQuery } from '../recognition/queries.ts';

/**
 * The tier the unit is recognised at on the view date (decision number, date and issuer), beside the computed
 * result, with a warning when they disagree and links to the dossiers.
 */
export function RecognitionCard({ data, view }: { data: EvaluationResponse; view: ViewParams }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [creating, setCreating] = useState(false);
  const q = useQuery(unitRecognitionQuery(data.unit.code, view.asOf));
  const r = q.data && q.data.unit.code === data.unit.code ? q.data : null;
  const held = r?.recognition ?? null;
  const ladder = data.highest ?? data.evaluation;
  const computed = ladder?.tier ?? null;
  const differs = Boolean(ladder && data.hasValues && tierRank(held?.tier ?? null) !== tierRank(computed));
  return (
    <Card size="small" title={<h2 className="cs-section-title">{t('recognition.cardTitle')}</h2>} data-testid="recognition-card">
      {q.isError ? <Alert type="error" showIcon title={t('recognition.cardFailed')} /> : null}
      {r ? (
        <div className="cs-stack" style={{ gap: 8 }}>
          {held ? (
            <div data-testid="recognised">
              <strong>
                <Link to="/cong-nhan/$id" params={{ id: String(held.dossierId) }}>
                  {t('recognition.recognisedAt', { tier: held.tierLabel, year: held.year })}
                </Link>
              </strong>{' '}
              {held.sample ? <SampleTag short /> : null}
              <div>{t('recognition.decisionLine', { number: held.decision.number, date: formatDate(held.decision.date), issuer: held.decision.issuer })}</div>
            </div>
          ) : (
            <div data-testid="recognised">{t('recognition.notRecognised')}</div>
          )}
          {differs ? (
            <Alert
              type="warning"
              showIcon
              data-testid="recognition-differs"
              title={t(
                tierRank(held?.tier ?? null) > tierRank(computed) ? 'recognition.kind.recognised-not-reached' : 'recognition.kind.reached-not-recognised',
              )}
              description={t('recognition.differsHint', { year: data.year })}
            />
          ) : null}
          {r.predecessors.some((p) => p.recognition) ? (
            <div className="cs-muted">
              {t('recognition.predecessors')}:{' '}
              {r.predecessors
                .filter((p) => p.recognition)
                .map((p) => `${p.unit.name}: ${p.recognition!.tierLabel} (${p.recognition!.decision.number}, ${formatDate(p.recognition!.decision.date)})`)
                .join('; ')}
            </div>
          ) : null}
          {r.dossiers.length > 0 ? (
            <ul className="cs-plain-list" aria-label={t('recognition.dossiers')} style={{ margin: 0, paddingLeft: 18 }}>
              {r.dossiers.map((d) => (
                <li key={d.id}>
                  <Link to="/cong-nhan/$id" params={{ id: String(d.id) }}>
                    {t('recognition.dossierShort', { tier: t(`recognition.tierLabel.${d.tier}`), year: d.year })}
                  </Link>{' '}
                  — {t(`recognition.statusLabel.${d.status}`)}
                </li>
              ))}
            </ul>
          ) : null}
          {can(user, 'recognition:write') && (data.unit.level === 'commune' || data.unit.level === 'district') ? (
            <div>
              <Button onClick={() => setCreating(true)} data-testid="create-dossier">
                {t('recognition.create')}
              </Button>
              <CreateDossierModal
                open={creating}
                onClose={() => setCreating(false)}
                unit={{ code: data.unit.code, name: data.unit.name, asOf: view.asOf }}
                year={data.year}
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
