import { useTranslation } from 'react-i18next';
import { setLang, type Lang } from '../i18n/index.ts';

const LANGS: { lang: Lang; short: string }[] = [
  { lang: 'vi', short: 'VI' },
  { lang: 'en', short: 'EN' },
];

/** VI / EN toggle; each button names its language in that language. Plain buttons: it is on the login page too. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('lang.label')} className="cs-lang">
      {LANGS.map(({ lang, short }) => {
        const active = i18n.language === lang;
        return (
          <button
            key={lang}
            type="button"
            className={active ? 'cs-btn cs-btn-small cs-btn-primary' : 'cs-btn cs-btn-small'}
            aria-pressed={active}
            lang={lang}
            title={t(`lang.${lang}`)}
            onClick={() => setLang(lang)}
          >
            <span aria-hidden="true">{short}</span>
            <span className="cs-sr-only">{t(`lang.${lang}`)}</span>
          </button>
        );
      })}
    </div>
  );
}
