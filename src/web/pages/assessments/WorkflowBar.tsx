import { Alert, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NEEDS_REASON } from '../../../domain/assessments/workflow.ts';
import type { AssessmentBody, TransitionAction } from '../../api/types.ts';
import { Pill } from '../../components/tags.tsx';
import { formatDate } from '../../format.ts';

const TONE = { draft: 'grey', submitted: 'blue', reviewed: 'teal', approved: 'green', returned: 'red' } as const;

export function StatusPill({ status }: { status: AssessmentBody['status'] }) {
  const { t } = useTranslation();
  return <Pill tone={TONE[status]}>{t(`entry.state.${status}`)}</Pill>;
}

/**
 * Why the assessment came back (returned or reopened), shown prominently to whoever entered it; and a banner when it
 * is locked (submitted, reviewed or approved: nothing can be changed).
 */
export function StateBanner({ body }: { body: AssessmentBody }) {
  const { t } = useTranslation();
  const last = body.transitions.at(-1);
  const back = last && (last.action === 'return' || last.action === 'reopen') && (body.status === 'returned' || body.status === 'draft') ? last : null;
  return (
    <>
      {back ? (
        <Alert
          type="warning"
          showIcon
          data-testid="return-reason"
          title={t(back.action === 'return' ? 'entry.returnedBy' : 'entry.reopenedBy', {
            user: back.userName ?? back.user ?? t('common.none'),
            date: formatDate(back.at),
          })}
          description={<span className="cs-break">{t('entry.reason', { reason: back.reason ?? t('common.none') })}</span>}
        />
      ) : null}
      {!body.editable && body.status !== 'draft' && body.status !== 'returned' ? (
        <Alert type="info" showIcon data-testid="locked" title={t(`entry.locked.${body.status}`)} description={t('entry.lockedHint')} />
      ) : null}
    </>
  );
}

interface Props {
  actions: readonly TransitionAction[];
  busy: boolean;
  dirty: boolean;
  onAction: (action: TransitionAction, reason?: string) => Promise<boolean>;
}

/** The workflow buttons the server offers this user now; return and reopen ask for a reason first. */
export function WorkflowButtons({ actions, busy, dirty, onAction }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<TransitionAction | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  if (actions.length === 0) return null;
  const close = () => {
    setAsking(null);
    setReason('');
    setTried(false);
  };
  const confirmReason = async () => {
    setTried(true);
    if (!asking || !reason.trim()) return;
    if (await onAction(asking, reason.trim())) close();
  };
  return (
    <div className="cs-entry-actions">
      {actions.map((a) => (
        <Button
          key={a}
          type={a === 'return' || a === 'reopen' ? 'default' : 'primary'}
          danger={a === 'return'}
          disabled={busy || dirty}
          onClick={() => (NEEDS_REASON.includes(a) ? setAsking(a) : void onAction(a))}
        >
          {t(`entry.action.${a}`)}
        </Button>
      ))}
      {dirty ? <span className="cs-muted cs-small">{t('entry.saveFirst')}</span> : null}
      <Modal
        open={asking !== null}
        title={asking ? t(`entry.reasonTitle.${asking}`) : ''}
        okText={asking ? t(`entry.action.${asking}`) : ''}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void confirmReason()}
        onCancel={close}
        destroyOnHidden
      >
        <label htmlFor="cs-reason" className="cs-entry-note-label">
          {t('entry.reasonLabel')}
        </label>
        <Input.TextArea
          id="cs-reason"
          value={reason}
          autoSize={{ minRows: 3 }}
          maxLength={2000}
          aria-invalid={tried && !reason.trim() ? true : undefined}
          aria-describedby={tried && !reason.trim() ? 'cs-reason-err' : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {tried && !reason.trim() ? (
          <p id="cs-reason-err" className="cs-entry-error" role="alert">
            {t('entry.reasonRequired')}
          </p>
        ) : null}
      </Modal>
    </div>
  );
}
