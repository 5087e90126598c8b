import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, ApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../components/ApiErrorView.tsx';
import { todayVn } from '../../format.ts';
import { yearOptions } from '../../view.ts';
import { invalidateAfterRecognitionChange, TIERS, type DossierBody, type RecognitionTier } from './queries.ts';

interface Values {
  unitCode: string;
  tier: RecognitionTier;
  year: number;
  note?: string;
}
type Field = keyof Values;
const FIELDS: readonly Field[] = ['unitCode', 'tier', 'year', 'note'];

interface Props {
  open: boolean;
  onClose: () => void;
  /** A unit chosen beforehand (from its scorecard): its code is fixed. */
  unit?: { code: string; name: string; asOf: string } | undefined;
  year?: number | undefined;
}

/** Opens a recognition dossier for a unit, tier and year (province staff); the API's message goes under the field it names. */
export function CreateDossierModal({ open, onClose, unit, year }: Props) {
  const { t } = useTranslation();
  const toMessage = useErrorMessage();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch<DossierBody>('/api/recognitions', { method: 'POST', body: JSON.stringify(body) }),
    onSuccess: (d) => invalidateAfterRecognitionChange(client, d),
  });
  const submit = async (v: Values) => {
    setError(null);
    try {
      const note = v.note?.trim();
      const d = await create.mutateAsync({
        unitCode: v.unitCode.trim(),
        tier: v.tier,
        year: v.year,
        ...(unit ? { asOf: unit.asOf } : {}),
        ...(note ? { note } : {}),
      });
      onClose();
      void navigate({ to: '/cong-nhan/$id', params: { id: String(d.id) } });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('NETWORK', '', 0);
      const field = err.details.field;
      if (typeof field === 'string' && (FIELDS as readonly string[]).includes(field)) form.setFields([{ name: field as Field, errors: [toMessage(err)] }]);
      else setError(toMessage(err));
    }
  };
  return (
    <Modal
      open={open}
      title={unit ? t('recognition.createFor', { name: unit.name }) : t('recognition.create')}
      okText={t('recognition.createSubmit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      <Form<Values>
        form={form}
        name="create-dossier"
        layout="vertical"
        requiredMark="optional"
        disabled={create.isPending}
        preserve={false}
        initialValues={{ unitCode: unit?.code ?? '', tier: 'ntm', year: year ?? Number(todayVn().slice(0, 4)) }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          label={t('recognition.unitCode')}
          name="unitCode"
          extra={unit ? unit.name : t('recognition.unitCodeHint')}
          rules={[{ required: true, whitespace: true, message: t('recognition.unitCodeRequired') }]}
        >
          <Input autoComplete="off" spellCheck={false} disabled={Boolean(unit)} />
        </Form.Item>
        <Form.Item label={t('recognition.tier')} name="tier" rules={[{ required: true }]}>
          <Select options={TIERS.map((k) => ({ value: k, label: t(`recognition.tierLabel.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('recognition.year')} name="year" rules={[{ required: true }]}>
          <Select options={yearOptions().map((y) => ({ value: y, label: String(y) }))} />
        </Form.Item>
        <Form.Item label={t('recognition.note')} name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={t('recognition.createFailed')} description={error} /> : null}
      </Form>
    </Modal>
  );
}
