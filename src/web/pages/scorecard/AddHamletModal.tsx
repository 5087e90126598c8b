import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, ApiError } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { useErrorMessage } from '../../components/ApiErrorView.tsx';
import { formatDate, todayVn, useUnitTypeLabel } from '../../format.ts';

/** The hamlet types the API accepts (src/server/units/schema.ts). */
const HAMLET_TYPES = ['Xóm', 'Thôn', 'Bản', 'Tổ dân phố'] as const;
type HamletType = (typeof HAMLET_TYPES)[number];
const CODE = /^[0-9A-Za-z-]{2,20}$/;

interface Values {
  name: string;
  type: HamletType;
  code?: string;
  validFrom: Dayjs;
  legalBasis: string;
}
type Field = keyof Values;
const FIELDS: readonly Field[] = ['name', 'type', 'code', 'validFrom', 'legalBasis'];

interface Props {
  open: boolean;
  commune: { code: string; name: string };
  /** The date the hamlet list is viewed at: a hamlet starting later is added but not listed yet. */
  asOf: string;
  onClose: () => void;
}

/** Form to add a hamlet (xóm, thôn, bản, tổ dân phố) to a commune; the API's message goes under the field it names. */
export function AddHamletModal({ open, commune, asOf, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const toMessage = useErrorMessage();
  const typeLabel = useUnitTypeLabel();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: (body: Record<string, string>) =>
      apiFetch<{ id: number; code: string; fullName: string }>('/api/units', { method: 'POST', body: JSON.stringify(body) }),
    // The commune's hamlet list (and any unit view) is stale now.
    onSuccess: () => client.invalidateQueries({ queryKey: keys.units }),
  });
  const busy = add.isPending;

  const submit = async (v: Values) => {
    setError(null);
    const validFrom = v.validFrom.format('YYYY-MM-DD');
    const code = v.code?.trim();
    try {
      const created = await add.mutateAsync({
        parentCode: commune.code,
        name: v.name.trim(),
        type: v.type,
        ...(code ? { code } : {}),
        validFrom,
        legalBasis: v.legalBasis.trim(),
      });
      const params = { name: created.fullName, code: created.code, date: formatDate(validFrom) };
      void message.success(validFrom > asOf ? t('hamlet.addedLater', params) : t('hamlet.added', params));
      onClose();
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
      title={t('hamlet.title', { name: commune.name })}
      okText={t('hamlet.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      <Form<Values>
        form={form}
        name="add-hamlet"
        layout="vertical"
        requiredMark="optional"
        disabled={busy}
        preserve={false}
        initialValues={{ type: 'Xóm', validFrom: dayjs(todayVn()) }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          label={t('hamlet.name')}
          name="name"
          extra={t('hamlet.nameHint')}
          rules={[{ required: true, whitespace: true, min: 2, max: 120, message: t('hamlet.nameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('hamlet.type')} name="type" rules={[{ required: true }]}>
          <Select options={HAMLET_TYPES.map((ty) => ({ value: ty, label: typeLabel(ty) }))} />
        </Form.Item>
        <Form.Item label={t('hamlet.code')} name="code" extra={t('hamlet.codeHint')} rules={[{ pattern: CODE, message: t('hamlet.codeInvalid') }]}>
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item label={t('hamlet.validFrom')} name="validFrom" rules={[{ required: true, message: t('hamlet.validFromRequired') }]}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={t('hamlet.legalBasis')}
          name="legalBasis"
          extra={t('hamlet.legalBasisHint')}
          rules={[{ required: true, whitespace: true, min: 3, max: 300, message: t('hamlet.legalBasisRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={t('hamlet.failed')} description={error} /> : null}
      </Form>
    </Modal>
  );
}
