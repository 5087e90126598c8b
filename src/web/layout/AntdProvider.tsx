import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import enGBModule from 'antd/es/locale/en_GB.js';
import viVNModule from 'antd/es/locale/vi_VN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/vi';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Colours checked for WCAG AA contrast on white (primary green 6.1:1); antd's default secondary and placeholder
// greys are darkened because officers read these screens outdoors on phones.
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f6f43',
    colorLink: '#1f6f43',
    colorInfo: '#0958d9',
    colorTextDescription: 'rgba(0, 0, 0, 0.66)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    borderRadius: 6,
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 'auto', headerPadding: '0 16px', bodyBg: '#f4f6f4', footerBg: 'transparent', footerPadding: '16px' },
  },
};

// antd's locale files are typed as CommonJS under NodeNext resolution, while Vite hands us the ES default export.
function esModuleDefault(m: Locale | { default: Locale }): Locale {
  return 'default' in m ? m.default : m;
}
const enGB = esModuleDefault(enGBModule);
const viVN = esModuleDefault(viVNModule);

/** Ant Design's theme and locale (and dayjs's) for the staff area. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  dayjs.locale(en ? 'en-gb' : 'vi');
  return (
    <ConfigProvider locale={en ? enGB : viVN} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
