import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format.ts';

const STATUSES = ['met', 'basically-met', 'not-met'] as const;

/** How a recorded value (a number, yes/no, a status, a note, an evidence file) reads on screen. */
export function useChangeText() {
  const { t, i18n } = useTranslation();
  const { num } = useFormat();
  const value = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('common.none');
    if (typeof v === 'number') return num(v);
    if (typeof v === 'boolean') return v ? t('status.met') : t('status.not-met');
    if (typeof v === 'string') return (STATUSES as readonly string[]).includes(v) ? t(`status.${v as (typeof STATUSES)[number]}`) : v;
    if (typeof v === 'object' && v !== null && 'name' in v && typeof v.name === 'string') return (v as { name: string }).name;
    return JSON.stringify(v);
  };
  const actions: Record<string, string> = t('audit.action', { returnObjects: true });
  const recognitionActions: Record<string, string> = t('audit.recognitionAction', { returnObjects: true });
  const sources: Record<string, string> = t('audit.sourceLabel', { returnObjects: true });
  // dd/MM/yyyy HH:mm in Vietnam time, whatever the browser's zone (the convention for dates on every screen).
  const when = (iso: string) => {
    const parts = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Asia/Ho_Chi_Minh',
    }).formatToParts(new Date(iso));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
  };
  return {
    value,
    // A recognition dossier's step is "recognition.<step>".
    action: (a: string) => (a.startsWith('recognition.') ? (recognitionActions[a.slice('recognition.'.length)] ?? a) : (actions[a] ?? a)),
    source: (s: string) => sources[s] ?? s,
    when,
  };
}
