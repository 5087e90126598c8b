/**
 * The parts every official report shares, in the layout of Decree 30/2020/NĐ-CP (administrative documents): the
 * issuing body and the document number on the left, the national motto on the right, the place and date, the title,
 * and the signature block. Plain data, so the Excel and PDF writers lay out the same text.
 */

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface OfficialHeader {
  /** The body above the issuer ("UBND TỈNH CAO BẰNG" for a department), or null for a people's committee. */
  parentBody: string | null;
  /** "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG", in capitals as printed. */
  body: string;
  /** "15/BC-UBND", or null: the number is given by the clerk when the report is registered. */
  number: string | null;
  /** The document kind's abbreviation in the number ("BC" for a report). */
  kindCode: string;
  /** The body's abbreviation in the number ("UBND"). */
  bodyCode: string;
  /** Where it is issued ("Cao Bằng"). */
  place: string;
  /** ISO date of the report. */
  date: string;
  /** "BÁO CÁO" */
  kind: string;
  /** The subject line under the kind. */
  subject: string;
}

export interface SignatureBlock {
  /** "TM. ỦY BAN NHÂN DÂN" */
  authority: string;
  /** "CHỦ TỊCH", or "KT. CHỦ TỊCH" with "PHÓ CHỦ TỊCH" below. */
  position: string[];
  /** Left blank for the signer's name when it is not known. */
  signer: string | null;
  /** "Nơi nhận:" list. */
  recipients: string[];
}

/** "Cao Bằng, ngày 02 tháng 12 năm 2026" (days and months below 10 with a leading zero, as the decree writes them for 1–2). */
export function placeAndDate(place: string, iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/** "Số: 15/BC-UBND", or "Số:      /BC-UBND" with room for the number when the report is registered. */
export function numberLine(h: Pick<OfficialHeader, 'number' | 'kindCode' | 'bodyCode'>): string {
  return h.number ? `Số: ${h.number}` : `Số:       /${h.kindCode}-${h.bodyCode}`;
}

/** dd/mm/yyyy */
export const vnDate = (iso: string): string => iso.split('-').reverse().join('/');

/** The people's committee of a unit, as printed on its documents: "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG". */
export function committeeOf(unitFullName: string): string {
  return `ỦY BAN NHÂN DÂN ${unitFullName.toLocaleUpperCase('vi')}`;
}

/** The place a unit's documents are dated at: the province for the province, the unit's own name below it. */
export function placeOf(unitName: string): string {
  return unitName.replace(/^(Tỉnh|Thành phố|Huyện|Thị xã|Xã|Phường|Thị trấn)\s+/u, '');
}

export function defaultSignature(): SignatureBlock {
  return { authority: 'TM. ỦY BAN NHÂN DÂN', position: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], signer: null, recipients: ['- Như trên;', '- Lưu: VT.'] };
}
