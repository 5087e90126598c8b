export const LOGIN_PATH = '/dang-nhap';
export const HOME_PATH = '/tong-quan';

/**
 * Where to go after logging in: `next` when it is a path of this site, otherwise the overview. Resolving it
 * against the current origin catches `//evil.example`, `/\evil.example` (browsers read the backslash as a slash)
 * and absolute URLs; the login page itself would loop, so it goes to the overview too.
 */
export function safeNext(next: string | undefined, origin: string): string {
  if (!next || !next.startsWith('/')) return HOME_PATH;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return HOME_PATH;
  }
  if (url.origin !== origin || url.pathname === LOGIN_PATH) return HOME_PATH;
  return url.pathname + url.search + url.hash;
}
