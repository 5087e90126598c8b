import { useTranslation } from 'react-i18next';

/**
 * Links to an official report in PDF and Excel (written on the server in a worker; the browser shows the download). Text only: the overview's first load is weighed.
 * `href` is the report route with its query, without the format.
 */
export function ReportLinks({ href, label }: { href: string; label: string }) {
  const { t } = useTranslation();
  const sep = href.includes('?') ? '&' : '?';
  return (
    <nav className="cs-report-links" aria-label={label}>
      <a className="cs-btn" href={`${href}${sep}format=pdf`} download data-testid="report-pdf">
        {t('reports.pdf')}
      </a>
      <a className="cs-btn" href={`${href}${sep}format=xlsx`} download data-testid="report-xlsx">
        {t('reports.xlsx')}
      </a>
    </nav>
  );
}
