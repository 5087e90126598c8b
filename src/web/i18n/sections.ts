import i18next from 'i18next';

/**
 * Adds a screen's own messages (both languages) when its code loads, so the first visit does not carry the text of
 * every screen. The section's type is part of `Messages`, so its keys are checked like the others.
 */
export function addSection<T extends object>(name: string, vi: T, en: T): void {
  i18next.addResourceBundle('vi', 'translation', { [name]: vi }, true, false);
  i18next.addResourceBundle('en', 'translation', { [name]: en }, true, false);
}
