import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useAuth } from '../../auth/session.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { safeNext } from '../../routes/safeNext.ts';
import './login.css';

const route = getRouteApi('/public/dang-nhap');

type Field = 'username' | 'password';

/**
 * Staff login, in plain HTML so that the first screen of a commune on a slow connection does not wait for the
 * component library; shows the server's Vietnamese message when it refuses (wrong password, too many attempts…).
 */
export default function LoginPage() {
  const { t } = useTranslation();
  const id = useId();
  const { login } = useAuth();
  const router = useRouter();
  const { next } = route.useSearch();
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<Field[]>([]);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('login.title'));

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget.elements;
    const username = (form.namedItem('username') as HTMLInputElement).value.trim();
    const password = (form.namedItem('password') as HTMLInputElement).value;
    const empty = (['username', 'password'] as const).filter((f) => (f === 'username' ? username : password) === '');
    setMissing(empty);
    if (empty.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
      await router.navigate({ href: safeNext(next, window.location.origin), replace: true });
    } catch (err) {
      setError(err instanceof ApiError && err.code !== 'NETWORK' ? err.message || t('errors.generic', { code: err.code }) : t('errors.network'));
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, props: { type: string; autoComplete: string }) => (
    <div className="cs-login-field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        {...props}
        autoCapitalize="none"
        spellCheck={false}
        disabled={busy}
        aria-invalid={missing.includes(name) || undefined}
        aria-describedby={missing.includes(name) ? `${id}-${name}-err` : undefined}
      />
      {missing.includes(name) ? (
        <span id={`${id}-${name}-err`} className="cs-login-invalid">
          {t(name === 'username' ? 'login.usernameRequired' : 'login.passwordRequired')}
        </span>
      ) : null}
    </div>
  );

  return (
    <div className="cs-login-card">
      <h1 className="cs-page-title">{t('login.title')}</h1>
      <p className="cs-muted">{t('login.intro')}</p>
      {error ? (
        <div role="alert" className="cs-login-error">
          <strong>{t('login.failed')}</strong>
          <span>{error}</span>
        </div>
      ) : null}
      <form name="login" noValidate onSubmit={(e) => void onSubmit(e)}>
        {field('username', t('login.username'), { type: 'text', autoComplete: 'username' })}
        {field('password', t('login.password'), { type: 'password', autoComplete: 'current-password' })}
        <button type="submit" className="cs-btn cs-btn-primary cs-btn-block" disabled={busy}>
          {busy ? t('login.sending') : t('login.submit')}
        </button>
      </form>
      <p className="cs-muted cs-login-help">{t('login.help')}</p>
      {import.meta.env.DEV ? <p className="cs-muted cs-login-help">{t('login.demoHint')}</p> : null}
    </div>
  );
}
