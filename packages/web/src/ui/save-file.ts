import type { Download } from '../api/api-client.ts';

/** Hands a fetched file to the browser as a download under its own name. */
export function saveFile(file: Download): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
