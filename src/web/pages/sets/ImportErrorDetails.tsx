import { useTranslation } from 'react-i18next';

/** Where-keys of an import error's details, in the order they are shown (file first, then the place in it). */
const WHERE = ['file', 'path', 'sheet', 'row', 'column', 'item', 'field', 'clash', 'amends', 'family'] as const;

interface Issue {
  path: string;
  message: string;
}

function isIssue(v: unknown): v is Issue {
  return typeof v === 'object' && v !== null && typeof (v as Issue).path === 'string' && typeof (v as Issue).message === 'string';
}

/** The file, the path (JSON) or sheet/row/column (Excel) of an import error, then any further problems found. */
export function ImportErrorDetails({ details }: { details: Record<string, unknown> }) {
  const { t } = useTranslation();
  const facts = WHERE.flatMap((key) => {
    const v = details[key];
    return typeof v === 'string' || typeof v === 'number' ? [{ key, value: String(v) }] : [];
  });
  const issues = Array.isArray(details.issues) ? details.issues.filter(isIssue).slice(1) : [];
  if (facts.length === 0 && issues.length === 0) return null;
  return (
    <>
      {facts.length > 0 ? (
        <dl className="cs-err-where">
          {facts.map((f) => (
            <div key={f.key}>
              <dt>{t(`importSet.where.${f.key}`)}</dt>
              <dd className="cs-break">
                <code>{f.value}</code>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {issues.length > 0 ? (
        <>
          <p className="cs-err-more">{t('importSet.where.more')}</p>
          <ul className="cs-err-issues">
            {issues.map((i, n) => (
              <li key={n} className="cs-break">
                <code>{i.path}</code>: {i.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
