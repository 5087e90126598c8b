import { useTranslation } from 'react-i18next';
import { Pill } from '../../components/tags.tsx';
import type { DossierBody } from './queries.ts';

const TONE = { 'in-progress': 'grey', recognised: 'green', revoked: 'red' } as const;

/** In progress, recognised or revoked (on the date the dossier was read for). */
export function DossierStatusTag({ status }: { status: DossierBody['status'] }) {
  const { t } = useTranslation();
  return <Pill tone={TONE[status]}>{t(`recognition.statusLabel.${status}`)}</Pill>;
}
