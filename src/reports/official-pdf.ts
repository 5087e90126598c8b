import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { NATIONAL_MOTTO, NATIONAL_TITLE, numberLine, placeAndDate, type OfficialHeader, type SignatureBlock } from './official.ts';

/**
 * An official document on A4 (Decree 30/2020/NĐ-CP): the issuing body and number left, the national title, motto
 * and place-and-date right, the kind and subject centred, then `body`, then the recipients and the signature block;
 * the page number and where it was produced in the footer. Every report lays out its own body only.
 */
export function officialPdf(o: {
  header: OfficialHeader;
  signature: SignatureBlock;
  generated: string;
  orientation: 'portrait' | 'landscape';
  subject?: string;
  body: Content[];
}): TDocumentDefinitions {
  const h = o.header;
  const d = { signature: o.signature };
  return {
    pageSize: 'A4',
    pageOrientation: o.orientation,
    pageMargins: [57, 42, 42, 48],
    info: { title: `${h.kind} ${h.subject}`, author: h.body, creator: 'Chung Sức', ...(o.subject ? { subject: o.subject } : {}) },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.15 },
    styles: { th: { bold: true, alignment: 'center', fontSize: 9.5 }, kind: { bold: true, fontSize: 13, alignment: 'center' } },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: o.generated, fontSize: 7.5, color: '#555555' },
        { text: `Trang ${page}/${pages}`, fontSize: 8, alignment: 'right' },
      ],
      margin: [57, 12, 42, 0],
    }),
    content: [
      {
        columns: [
          {
            width: '42%',
            stack: [
              ...(h.parentBody ? [{ text: h.parentBody, alignment: 'center' as const, fontSize: 11 }] : []),
              { text: h.body, bold: true, alignment: 'center', fontSize: 11 },
              { canvas: [{ type: 'line', x1: 60, y1: 2, x2: 150, y2: 2, lineWidth: 0.6 }] },
              { text: numberLine(h), alignment: 'center', margin: [0, 6, 0, 0] },
            ],
          },
          {
            width: '58%',
            stack: [
              { text: NATIONAL_TITLE, bold: true, alignment: 'center', fontSize: 11 },
              { text: NATIONAL_MOTTO, bold: true, alignment: 'center', fontSize: 12 },
              { canvas: [{ type: 'line', x1: 70, y1: 2, x2: 220, y2: 2, lineWidth: 0.6 }] },
              { text: placeAndDate(h.place, h.date), italics: true, alignment: 'center', margin: [0, 6, 0, 0] },
            ],
          },
        ],
      },
      { text: h.kind, style: 'kind', margin: [0, 22, 0, 2] },
      { text: h.subject, bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
      ...o.body,
      {
        columns: [
          {
            width: '45%',
            stack: [{ text: 'Nơi nhận:', bold: true, italics: true, fontSize: 10 }, ...d.signature.recipients.map((r) => ({ text: r, fontSize: 9 }))],
          },
          {
            width: '55%',
            stack: [
              { text: d.signature.authority, bold: true, alignment: 'center' },
              ...d.signature.position.map((p) => ({ text: p, bold: true, alignment: 'center' as const })),
              { text: d.signature.signer ?? ' ', bold: true, alignment: 'center', margin: [0, 60, 0, 0] },
            ],
          },
        ],
        margin: [0, 18, 0, 0],
        unbreakable: true,
      },
    ],
  };
}
