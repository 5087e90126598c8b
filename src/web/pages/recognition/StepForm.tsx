import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, ApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../components/ApiErrorView.tsx';
import { todayVn } from '../../format.ts';
import { invalidateAfterRecognitionChange, type DossierBody, type StepKind } from './queries.ts';

interface Values {
  date: string;
  reference?: string;
  issuer?: string;
  note?: string;
  reason?: string;
}
type Field = keyof Values;
const FIELDS: readonly Field[] = ['date', 'reference', 'issuer', 'note', 'reason'];

const DARK_RED = { background: '#a8071a', borderColor: '#a8071a' };

interface Props {
  dossier: DossierBody;
  kind: StepKind;
  label: string;
}

/**
 * Records the next step of a dossier (or, for 'revocation', revokes it). Nothing is checked here that the server
 * checks: its Vietnamese message goes under the field it names, a stale version shows the dossier as it is now.
 */
export function StepForm({ dossier, kind, label }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const toMessage = useErrorMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const revoke = kind === 'revocation';
  const formal = revoke || kind === 'decision';
  const post = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<DossierBody>(`/api/recognitions/${dossier.id}/${revoke ? 'revoke' : 'steps'}`, { method: 'POST', body: JSON.stringify(body) }),
    onSuccess: (d) => invalidateAfterRecognitionChange(client, d),
  });
  const submit = async (v: Values) => {
    setError(null);
    const opt = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : undefined);
    const body = revoke
      ? { version: dossier.version, date: v.date, reason: v.reason ?? '', reference: opt(v.reference), issuer: opt(v.issuer) }
      : { version: dossier.version, kind, date: v.date, reference: opt(v.reference), issuer: opt(v.issuer), note: opt(v.note) };
    try {
      await post.mutateAsync(body);
      void message.success(t('recognition.recorded', { step: label }));
      form.resetFields();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('NETWORK', '', 0);
      const current = err.code === 'CONFLICT' ? (err.details.current as DossierBody | undefined) : undefined;
      if (current) void invalidateAfterRecognitionChange(client, current);
      const field = err.details.field;
      if (typeof field === 'string' && (FIELDS as readonly string[]).includes(field)) form.setFields([{ name: field as Field, errors: [toMessage(err)] }]);
      else setError(toMessage(err));
    }
  };
  const id = `cs-step-${kind}`;
  return (
    <section aria-labelledby={id} className="cs-rec-card cs-rec-form">
      <h2 id={id} className="cs-section-title">
        {revoke ? t('recognition.revokeTitle') : t('recognition.recordTitle', { step: label })}
      </h2>
      <Form<Values>
        form={form}
        name={`step-${kind}`}
        layout="vertical"
        requiredMark="optional"
        disabled={post.isPending}
        initialValues={{ date: todayVn() }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          label={revoke ? t('recognition.revokeDate') : t('recognition.stepDate')}
          name="date"
          rules={[{ required: true, message: t('recognition.dateRequired') }]}
        >
          <Input type="date" max={todayVn()} />
        </Form.Item>
        {revoke ? (
          <Form.Item label={t('recognition.reason')} name="reason" extra={t('recognition.reasonHint')} required>
            <Input.TextArea rows={3} />
          </Form.Item>
        ) : null}
        <Form.Item label={formal ? t('recognition.decisionNumber') : t('recognition.reference')} name="reference" required={kind === 'decision'}>
          <Input autoComplete="off" />
        </Form.Item>
        {formal ? (
          <Form.Item label={t('recognition.issuer')} name="issuer" required={kind === 'decision'} extra={t('recognition.issuerHint')}>
            <Input autoComplete="off" />
          </Form.Item>
        ) : null}
        {revoke ? null : (
          <Form.Item label={t('recognition.note')} name="note">
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {error ? <Alert type="error" showIcon title={t('recognition.failed')} description={error} style={{ marginBottom: 12 }} /> : null}
        <Button
          type="primary"
          htmlType="submit"
          loading={post.isPending}
          danger={revoke}
          style={revoke ? DARK_RED : undefined}
          data-testid={revoke ? 'revoke' : 'record-step'}
        >
          {revoke ? t('recognition.revokeSubmit') : t('recognition.recordSubmit')}
        </Button>
      </Form>
    </section>
  );
}
