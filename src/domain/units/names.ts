// Vietnamese tone marks (combining): grave, acute, tilde, hook above, dot below.
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * A key for comparing Vietnamese names: Unicode-normalised, case-folded and insensitive to where the tone mark
 * sits ("Hoà" and "Hòa" give the same key), while keeping the tone itself and the other diacritics (ă, â, ê, ô,
 * ơ, ư, đ) that change the word.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .map((word) => {
      const tones = word.match(TONES) ?? [];
      return word.replace(TONES, '') + tones.sort().join('');
    })
    .join(' ')
    .normalize('NFC');
}

/** Key without any diacritics, for typing-friendly search ("hoa an" finds "Hòa An"). */
export function searchKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
/** Vietnamese collation for sorting unit names. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}
