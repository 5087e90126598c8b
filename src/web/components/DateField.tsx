import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format.ts';
import { isoDate } from '../routes/search.ts';

/** dd/mm/yyyy (one-digit day and month accepted) → yyyy-mm-dd, or null when it is not a date from 2000 on. */
export function parseVnDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = isoDate(`${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`);
  return iso && iso >= '2000-01-01' ? iso : null;
}

interface Props {
  id: string;
  /** yyyy-mm-dd */
  value: string;
  onChange: (iso: string) => void;
}

/**
 * A date typed as dd/mm/yyyy (always in that order, whatever the browser's language), with a button that opens
 * the browser's own calendar. No date-picker library: this field is on the first screen officers load.
 */
export function DateField({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(formatDate(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // Changed from outside (a preset, Back): show the new date.
    setShown(value);
    setText(formatDate(value));
  }
  const typed = (v: string) => {
    setText(v);
    const iso = parseVnDate(v);
    if (iso && iso !== value) {
      setShown(iso);
      onChange(iso);
    }
  };
  const invalid = text.trim().length >= 8 && parseVnDate(text) === null;
  return (
    <span className="cs-date">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('asOf.dateFormat')}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => typed(e.target.value)}
        onBlur={() => (parseVnDate(text) ? undefined : setText(formatDate(value)))}
      />
      <span id={`${id}-hint`} className="cs-sr-only">
        {t('asOf.dateFormat')}
      </span>
      <button type="button" className="cs-date-btn" aria-label={t('asOf.datePick')} title={t('asOf.datePick')} onClick={() => picker.current?.showPicker()}>
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" focusable="false">
          <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
          <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.3" />
        </svg>
      </button>
      <input
        ref={picker}
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        className="cs-date-native"
        min="2000-01-01"
        max="2100-12-31"
        value={value}
        onChange={(e) => {
          const iso = isoDate(e.target.value);
          if (iso && iso >= '2000-01-01') onChange(iso);
        }}
      />
    </span>
  );
}
