import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/session.ts';
import { can } from '../../auth/can.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';

/** "Nhập số liệu" on a unit's scorecard, for the roles that enter values (the server checks the unit's scope). */
export function EntryLink({ code, family, year }: { code: string; family: string | null; year: number }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!family || !can(user, 'assessment:write')) return null;
  return (
    <div>
      <ButtonLink type="primary" icon={<EditOutlined aria-hidden />} to="/nhap-lieu/$code/$family/$year" params={{ code, family, year: String(year) }}>
        {t('entry.nav')}
      </ButtonLink>
    </div>
  );
}
