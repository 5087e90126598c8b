import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { overviewLink, SETS_LINK } from '../routes/links.ts';
import { ButtonLink } from './ButtonLink.tsx';

/** yyyy-mm-dd inside a message written as dd/MM/yyyy, as officers write dates. */
export function vnDates(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');
}

/** The API's own Vietnamese message, or a generic one when the server did not answer. */
export function useErrorMessage(): (e: ApiError) => string {
  const { t } = useTranslation();
  return (e) => (e.code === 'NETWORK' ? t('errors.network') : vnDates(e.message) || t('errors.generic', { code: e.code }));
}

/** A page-level error: access refused, unit not found, no set, or anything else with a retry. */
export function ApiErrorView({
  error,
  onRetry,
  backTo,
}: {
  error: ApiError;
  onRetry?: () => void;
  backTo?: ReturnType<typeof overviewLink> | typeof SETS_LINK;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage()(error);
  const back = (
    <ButtonLink key="back" {...(backTo ?? { to: '/tong-quan' })}>
      {t('errors.backToOverview')}
    </ButtonLink>
  );
  if (error.status === 403)
    return (
      <Result status="403" title={<h2 className="cs-result-title">{t('errors.forbidden')}</h2>} subTitle={<span role="alert">{message}</span>} extra={back} />
    );
  if (error.status === 404) {
    const title = error.code === 'NO_SET_FOR_UNIT' ? t('errors.noSet') : t('errors.notFound');
    return (
      <Result
        status={error.code === 'NO_SET_FOR_UNIT' ? 'info' : '404'}
        title={<h2 className="cs-result-title">{title}</h2>}
        subTitle={<span role="alert">{message}</span>}
        extra={back}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
