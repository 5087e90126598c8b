import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';

export default function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFound'));
  return (
    <Result
      status="info"
      title={<h1 className="cs-result-title">{t('errors.notFound')}</h1>}
      subTitle={t('errors.pageNotFound')}
      extra={<ButtonLink to="/tong-quan">{t('errors.backToOverview')}</ButtonLink>}
    />
  );
}
