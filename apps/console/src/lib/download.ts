import { authorizedBlob } from '../api/client';

/** Fetches an authorised download (exports, evidence) and hands it to the browser as a file. */
export async function downloadFile(url: string, fileName: string): Promise<void> {
  const blob = await authorizedBlob(url);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  return s.toString();
}
