import { useTranslation } from 'react-i18next';
import { EVIDENCE_KINDS } from '../../../domain/evidence/kinds.ts';
import { useFormat } from '../../format.ts';

/** Sizes as officers read them (850 kB, 1,2 MB) and types by their short name (PDF, ảnh PNG, Word (.docx)). */
export function useFileFormat() {
  const { num } = useFormat();
  const { t } = useTranslation();
  return {
    size: (bytes: number) =>
      bytes < 1024
        ? t('evidence.bytes', { n: num(bytes) })
        : bytes < 1024 * 1024
          ? `${num(Math.round(bytes / 1024))} kB`
          : `${num(Math.round((bytes / 1048576) * 10) / 10)} MB`,
    type: (mediaType: string) => Object.values(EVIDENCE_KINDS).find((k) => k.mediaType === mediaType)?.label ?? mediaType,
  };
}
