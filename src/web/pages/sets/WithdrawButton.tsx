import { StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, ApiError } from '../../api/client.ts';
import { invalidateAfterSetChange } from '../../api/queries.ts';
import { useErrorMessage } from '../../components/ApiErrorView.tsx';

const DARK_RED = { color: '#a8071a', borderColor: '#a8071a' };

/** Withdraw an imported version (province and admin): a reason is required; every evaluation goes back to the version before. */
export function WithdrawButton({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const toMessage = useErrorMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  const withdraw = useMutation({
    mutationFn: (reason: string) => apiFetch(`/api/sets/${encodeURIComponent(id)}/withdraw`, { method: 'POST', body: JSON.stringify({ reason }) }),
    onSuccess: () => invalidateAfterSetChange(client),
  });
  const submit = async ({ reason }: { reason: string }) => {
    try {
      await withdraw.mutateAsync(reason.trim());
      void message.success(t('withdraw.ok', { name }));
      setOpen(false);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('NETWORK', '', 0);
      if (err.details.field === 'reason') form.setFields([{ name: 'reason', errors: [toMessage(err)] }]);
    }
  };
  const failure = withdraw.error && withdraw.error.details.field !== 'reason' ? toMessage(withdraw.error) : null;
  return (
    <div>
      {/* antd's danger red (#ff4d4f) is below AA contrast on white: a darker red (7.6:1). */}
      <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="withdraw" style={DARK_RED}>
        {t('withdraw.button')}
      </Button>
      <Modal
        open={open}
        title={t('withdraw.title', { name })}
        okText={t('withdraw.submit')}
        okButtonProps={{ danger: true, style: { background: '#a8071a', borderColor: '#a8071a' } }}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={withdraw.isPending}
        destroyOnHidden
        afterClose={() => withdraw.reset()}
      >
        <p>{t('withdraw.intro')}</p>
        <Form form={form} name="withdraw" layout="vertical" preserve={false} disabled={withdraw.isPending} onFinish={(v) => void submit(v)}>
          <Form.Item
            label={t('withdraw.reason')}
            name="reason"
            extra={t('withdraw.reasonHint')}
            rules={[{ required: true, whitespace: true, message: t('withdraw.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          {failure ? <Alert type="error" showIcon title={t('withdraw.failed')} description={failure} role="alert" /> : null}
        </Form>
      </Modal>
    </div>
  );
}
