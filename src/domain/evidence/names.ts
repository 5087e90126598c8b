/**
 * A file name as the user's computer calls it, made safe to store and to send back in a header: no folders (a
 * browser or a script may send `C:\...\x.pdf` or `../x.pdf`), no control or bidirectional-override characters (which
 * can disguise `exe.pdf` as `fdp.exe`), Unicode NFC (so a Vietnamese name typed on a Mac and on Windows is one name),
 * at most `max` characters without cutting a surrogate pair. Null when nothing is left.
 */
export function cleanFileName(raw: string, max: number): string | null {
  const base = (raw.split(/[\\/]/).pop() ?? '').normalize('NFC');
  const text = base
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (!text) return null;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  // Keep the extension: the name is cut before it.
  const dot = text.lastIndexOf('.');
  const ext = dot > 0 && text.length - dot <= 10 ? text.slice(dot) : '';
  return Array.from(text.slice(0, text.length - ext.length))
    .slice(0, max - Array.from(ext).length)
    .join('')
    .concat(ext);
}

/** The extension of a file name, lower case without the dot ('' when it has none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
