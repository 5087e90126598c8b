import { useTranslation } from 'react-i18next';

/**
 * "Nguồn: <document title> (site)" with each address a link opened in a new tab. The link is named by the
 * document it points to, never by a bare address (an IP, a long URL).
 */
export function SourceLinks({ source, title }: { source: string | null; title?: string | undefined }) {
  const { t } = useTranslation();
  const parts = sourceParts(source, title ?? t('common.sourceDoc'));
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
              {p.site ? <span className="cs-muted"> ({p.site})</span> : null}
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
function sourceParts(source: string | null, title: string): { text: string; href: string | null; site?: string | null }[] {
  if (!source) return [];
  return source
    .split(/\s;\s/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      if (!/^https?:\/\//.test(s)) return { text: s, href: null };
      try {
        const host = new URL(s).hostname.replace(/^www\./, '');
        // An address like 203.0.113.7 or [2001:db8::1] tells an officer nothing: the title alone.
        const bare = /^[\d.]+$|^\[|:/.test(host);
        return { text: title, href: s, site: bare ? null : host };
      } catch {
        return { text: s, href: null };
      }
    });
}
