import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useErrorMessage } from '../../components/ApiErrorView.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { Brand } from '../../layout/Brand.tsx';
import { LanguageSwitch } from '../../layout/LanguageSwitch.tsx';
import './login.css';

interface LoginValues {
  username: string;
  password: string;
}

/** Staff login; shows the server's Vietnamese message when it refuses (wrong password, locked account…). */
export default function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const toMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('login.title'));

  const onFinish = async (v: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username.trim(), v.password);
    } catch (e) {
      setError(e instanceof ApiError ? toMessage(e) : t('errors.network'));
      setBusy(false);
    }
  };

  return (
    <div className="cs-login">
      <header className="cs-login-top">
        <Brand />
        <LanguageSwitch />
      </header>
      <main id="main" className="cs-login-main">
        <Card className="cs-login-card">
          <h1 className="cs-page-title">{t('login.title')}</h1>
          <Typography.Paragraph className="cs-muted">{t('login.intro')}</Typography.Paragraph>
          {error ? <Alert type="error" showIcon role="alert" title={t('login.failed')} description={error} className="cs-login-error" /> : null}
          <Form<LoginValues> name="login" layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)} disabled={busy}>
            <Form.Item label={t('login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoCapitalize="none" spellCheck={false} size="large" />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph className="cs-muted cs-login-help">{t('login.help')}</Typography.Paragraph>
          {import.meta.env.DEV ? <Typography.Paragraph className="cs-muted cs-login-help">{t('login.demoHint')}</Typography.Paragraph> : null}
        </Card>
      </main>
    </div>
  );
}
