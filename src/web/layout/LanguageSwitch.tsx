import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLang, type Lang } from '../i18n/index.ts';

const LANGS: { lang: Lang; short: string }[] = [
  { lang: 'vi', short: 'VI' },
  { lang: 'en', short: 'EN' },
];

/** VI / EN toggle; each button names its language in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('lang.label')} className="cs-lang">
      {LANGS.map(({ lang, short }) => {
        const active = i18n.language === lang;
        return (
          <Button
            key={lang}
            size="small"
            type={active ? 'primary' : 'default'}
            aria-pressed={active}
            lang={lang}
            title={t(`lang.${lang}`)}
            onClick={() => setLang(lang)}
          >
            <span aria-hidden="true">{short}</span>
            <span className="cs-sr-only">{t(`lang.${lang}`)}</span>
          </Button>
        );
      })}
    </div>
  );
}
