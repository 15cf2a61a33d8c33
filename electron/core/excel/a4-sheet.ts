// PMO Desk's own printable layouts (minutes, weekly status report): one sheet setup for both, so the
// two print alike (A4 portrait, one page wide, centred, page numbers in the footer, no grid lines).
import type ExcelJS from 'exceljs';

export function addA4Sheet(wb: ExcelJS.Workbook, name: string, widths: readonly number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&P / &N' },
  });
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}

/** A yyyy-mm-dd date as the Date ExcelJS writes as that day (UTC midnight, no time-zone shift). */
export const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
