import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);

/** Roboto, shipped with pdfmake, covers every Vietnamese letter with its diacritics (ầ, ữ, ỹ…). */
function fonts() {
  const dir = join(dirname(require.resolve('pdfmake/package.json')), 'build', 'fonts', 'Roboto');
  return {
    Roboto: {
      normal: join(dir, 'Roboto-Regular.ttf'),
      bold: join(dir, 'Roboto-Medium.ttf'),
      italics: join(dir, 'Roboto-Italic.ttf'),
      bolditalics: join(dir, 'Roboto-MediumItalic.ttf'),
    },
  };
}

/** A PDF from a pdfmake document; only the font files may be read, and nothing is fetched from the network. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = require('pdfmake') as {
    setFonts(f: unknown): void;
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    setLocalAccessPolicy(cb: (path: string) => boolean): void;
    createPdf(d: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
  };
  const f = fonts();
  const allowed = new Set(Object.values(f.Roboto));
  pdfmake.setFonts(f);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  return pdfmake.createPdf(doc).getBuffer();
}
