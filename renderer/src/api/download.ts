// Saving bytes the API answered (an exported workbook) as a file the user keeps. In the browser this is
// a download of a Blob URL through an <a download>; the Electron window handles the same download
// (it asks where to save), so one function serves both fronts and the renderer never touches a path.

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  csv: 'text/csv',
  pdf: 'application/pdf',
  png: 'image/png',
  svg: 'image/svg+xml',
  zip: 'application/zip',
};

/** The MIME type of a file name by its extension (octet-stream when unknown). */
export function mimeOf(fileName: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'application/octet-stream';
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Saves `data` (bytes, or base64 text as the API sends it) under `fileName`. */
export function saveFile(fileName: string, data: Uint8Array<ArrayBuffer> | string, type = mimeOf(fileName)): void {
  const bytes = typeof data === 'string' ? base64ToBytes(data) : data;
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL by then; a moment later it can go.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
