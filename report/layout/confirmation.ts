/** A unit's confirmation appendix as a workbook (for units that answer in Excel): the same tables as the .docx. */
import { formatDateVi } from '../../core/format';
import type { Confirmation } from '../confirmation';
import type { TitleLine, WorkbookSpec } from './spec';
import { SIZE } from './style';
import { tableSheet } from './summary';

/** "Quá hạn" and "Đến hạn trong năm …" sheets, each with the appendix title block and, under the table, the signature lines. */
export function confirmationSpec(c: Confirmation, asOf: string, opts: { attachedTo?: string } = {}): WorkbookSpec {
  const titles = (sub: string): TitleLine[] => [
    { text: 'Phụ lục', bold: true, size: SIZE.subtitle },
    { text: c.title.toUpperCase(), bold: true, size: SIZE.title },
    ...(opts.attachedTo ? [{ text: opts.attachedTo, italic: true, size: SIZE.subtitle }] : []),
    { text: `${sub} (số liệu tính đến ngày ${formatDateVi(asOf)})`, italic: true, size: SIZE.body },
  ];
  const sheets = [tableSheet(c.overdue, titles('Các nhiệm vụ quá hạn, chưa hoàn thành')), tableSheet(c.dueThisYear, titles(c.dueThisYear.name))];
  sheets[0].footer = [
    { text: c.sentence, italic: true, size: SIZE.body },
    { text: `XÁC NHẬN CỦA ${c.unit.toUpperCase()}`, bold: true, size: SIZE.body, align: 'right' },
    ...c.signer.map((s) => ({ text: s, bold: true, size: SIZE.body, align: 'right' as const })),
    { text: '(Ký, ghi rõ họ tên và đóng dấu)', italic: true, size: SIZE.body, align: 'right' },
  ];
  return { sheets, creator: 'tiendo', title: c.title };
}
