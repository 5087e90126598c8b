import { IMPORT_LIMITS } from './limits.ts';
import { tooLarge } from './zip-guard.ts';

/**
 * Refuses JSON nested deeper than the limit before it is parsed (a deeply nested file would otherwise exhaust
 * the parser's stack). One pass over the text, skipping strings.
 */
export function checkJsonDepth(text: string, file: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > IMPORT_LIMITS.jsonDepth)
        throw tooLarge(file, `lồng nhau quá ${IMPORT_LIMITS.jsonDepth} cấp (tệp bộ tiêu chí chỉ cần khoảng 6 cấp)`, {
          limit: 'jsonDepth',
          max: IMPORT_LIMITS.jsonDepth,
        });
    } else if (c === 93 || c === 125) depth--;
  }
}
