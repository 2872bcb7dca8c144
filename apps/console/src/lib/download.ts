import { authFetch, authorizedBlob } from '../api/client';
import { ApiError } from '../api/errors';
import type { ErrorBody } from '../api/types';

function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** Fetches an authorised download (exports, evidence) and hands it to the browser as a file. */
export async function downloadFile(url: string, fileName: string): Promise<void> {
  saveBlob(await authorizedBlob(url), fileName);
}

/** The file name of a Content-Disposition header: `filename*=UTF-8''…` (Chinese) before the ASCII `filename="…"`. */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      /* fall through to the ASCII name */
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  return plain ? (plain[1] ?? plain[2] ?? '').trim() || null : null;
}

/** An authorised download saved under the name the server gives it (Content-Disposition), else `fallback`. */
export async function downloadNamed(url: string, fallback: string): Promise<void> {
  const res = await authFetch(new Request(new URL(url, location.origin)));
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ErrorBody | null;
    throw new ApiError(res.status, body ?? { statusCode: res.status, code: `HTTP_${res.status}`, message: res.statusText });
  }
  saveBlob(await res.blob(), dispositionFileName(res.headers.get('content-disposition')) ?? fallback);
}

export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  return s.toString();
}
