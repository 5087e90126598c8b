import { useTranslation } from 'react-i18next';

/** "Nguồn: a.vn, b.vn" with each address a link (opened in a new tab). */
export function SourceLinks({ source }: { source: string | null }) {
  const { t } = useTranslation();
  const parts = sourceParts(source);
  if (parts.length === 0) return null;
  return (
    <span className="cs-source cs-break">
      {t('common.source')}:{' '}
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 ? '; ' : ''}
          {p.href ? (
            <a href={p.href} target="_blank" rel="noopener noreferrer" title={p.href}>
              {p.text}
            </a>
          ) : (
            p.text
          )}
        </span>
      ))}
    </span>
  );
}

/** Splits "url ; url" source strings into parts, marking which are web addresses. */
function sourceParts(source: string | null): { text: string; href: string | null }[] {
  if (!source) return [];
  return source
    .split(/\s;\s/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      if (!/^https?:\/\//.test(s)) return { text: s, href: null };
      try {
        return { text: new URL(s).hostname.replace(/^www\./, ''), href: s };
      } catch {
        return { text: s, href: null };
      }
    });
}
