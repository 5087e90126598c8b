import { useTranslation } from 'react-i18next';
import { Link } from '../router.tsx';

/** The app's name and mark; a link home. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <Link to="/tong-quan" className="cs-brand">
      <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32" focusable="false">
        <rect width="32" height="32" rx="7" fill="#1f6f43" />
        <path d="M7 22c4-1 6-4 9-9 3 5 5 8 9 9" stroke="#fff" strokeWidth="2.4" fill="none" strokeLinecap="round" />
        <circle cx="16" cy="9" r="2.6" fill="#fadb14" />
      </svg>
      <span>{t('app.name')}</span>
    </Link>
  );
}
