import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The app's name and mark; a link to the area's start page. */
export function Brand({ to }: { to: '/' | '/tong-quan' }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="cs-brand">
      <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32" focusable="false">
        <rect width="32" height="32" rx="7" fill="#1f6f43" />
        <path d="M7 22c4-1 6-4 9-9 3 5 5 8 9 9" stroke="#fff" strokeWidth="2.4" fill="none" strokeLinecap="round" />
        <circle cx="16" cy="9" r="2.6" fill="#fadb14" />
      </svg>
      <span>{t('app.name')}</span>
    </Link>
  );
}
