import { describe, expect, it } from 'vitest';
import { cleanFileName, extensionOf } from '../../src/domain/evidence/names.ts';
import { kindOfExtension } from '../../src/domain/evidence/kinds.ts';
import { bufferReader, sniff } from '../../src/server/evidence/sniff.ts';
import { contentDisposition } from '../../src/server/evidence/download.ts';
import { gifFile, jpegFile, libreOfficeFile, odtFile, oleFile, ooxmlFile, pdfFile, pngFile, webpFile } from '../evidence-files.ts';
import { writeZip } from '../zip.ts';

const kindOf = async (buf: Buffer) => sniff(bufferReader(buf), buf.subarray(0, 65536));

describe('evidence type by content', () => {
  it.each([
    ['pdf', pdfFile()],
    ['pdf', libreOfficeFile('pdf')],
    ['png', pngFile()],
    ['jpeg', jpegFile()],
    ['gif', gifFile()],
    ['webp', webpFile()],
    ['docx', ooxmlFile('docx')],
    ['xlsx', ooxmlFile('xlsx')],
    ['pptx', ooxmlFile('pptx')],
    ['xlsx', libreOfficeFile('xlsx')],
    ['odt', odtFile()],
    ['ods', odtFile('application/vnd.oasis.opendocument.spreadsheet')],
    ['ods', libreOfficeFile('ods')],
    ['doc', oleFile('WordDocument')],
    ['xls', oleFile('Workbook')],
    ['xls', libreOfficeFile('xls')],
  ] as const)('recognises %s', async (kind, buf) => {
    expect(await kindOf(buf)).toEqual({ kind });
  });

  it('names what it does not accept', async () => {
    expect(await kindOf(Buffer.from('MZ\x90\0\x03'))).toEqual({ kind: null, what: 'chương trình Windows (.exe)' });
    expect(await kindOf(writeZip([{ name: 'a.txt', data: Buffer.from('x') }]))).toEqual({ kind: null, what: 'tệp nén ZIP' });
    expect(await kindOf(odtFile('application/vnd.oasis.opendocument.graphics'))).toEqual({ kind: null, what: 'tệp nén ZIP' });
    expect(await kindOf(oleFile('PowerPoint Document'))).toEqual({ kind: null, what: 'PowerPoint 97–2003 (.ppt)' });
    expect(await kindOf(Buffer.from('chỉ là chữ'))).toEqual({ kind: null, what: 'văn bản thuần' });
  });

  it('does not take a zip that only names a document for one', async () => {
    // Content types claim a Word document, but there is no word/ part.
    const zip = writeZip([
      { name: '[Content_Types].xml', data: Buffer.from('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml') },
      { name: 'x.xml', data: Buffer.from('<x/>') },
    ]);
    expect((await kindOf(zip)).kind).toBeNull();
  });

  it('gives up on broken containers without throwing', async () => {
    const ole = oleFile('WordDocument');
    ole.writeUInt32LE(0x7fffffff, 0x30);
    expect((await kindOf(ole)).kind).toBeNull();
    const zip = ooxmlFile('docx');
    expect((await kindOf(zip.subarray(0, zip.length - 10))).kind).toBeNull();
    expect((await kindOf(Buffer.from('PK\x03\x04'))).kind).toBeNull();
  });
});

describe('evidence file names', () => {
  it('keeps a Vietnamese name and drops folders and control characters', () => {
    expect(cleanFileName('C:\\Hồ sơ\\Biên bản họp.pdf', 255)).toBe('Biên bản họp.pdf');
    expect(cleanFileName('../../etc/passwd', 255)).toBe('passwd');
    expect(cleanFileName('a\u0000b\u202egpj.exe', 255)).toBe('abgpj.exe');
    expect(cleanFileName('...hidden.pdf', 255)).toBe('hidden.pdf');
    expect(cleanFileName('  \u0001 ', 255)).toBeNull();
    // NFD (as a Mac sends it) becomes NFC.
    expect(cleanFileName('Ho\u0300a An.pdf'.normalize('NFD'), 255)).toBe('Hòa An.pdf');
  });

  it('cuts long names before the extension, never inside a character', () => {
    const name = cleanFileName(`${'ỗ'.repeat(300)}.docx`, 255)!;
    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith('ỗ.docx')).toBe(true);
    expect(cleanFileName('😀'.repeat(300), 10)).toBe('😀'.repeat(10));
  });

  it('reads extensions and the kinds they announce', () => {
    expect(extensionOf('Báo cáo.PDF')).toBe('pdf');
    expect(extensionOf('.pdf')).toBe('');
    expect(kindOfExtension('JPG')).toBe('jpeg');
    expect(kindOfExtension('exe')).toBeNull();
  });

  it('sends the name as RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('Biên bản "họp"; Đợt 1.pdf')).toBe(
      `attachment; filename="Bien ban _hop__ Dot 1.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20%22h%E1%BB%8Dp%22%3B%20%C4%90%E1%BB%A3t%201.pdf`,
    );
    expect(contentDisposition("it's (1).pdf")).toContain("filename*=UTF-8''it%27s%20%281%29.pdf");
  });
});
