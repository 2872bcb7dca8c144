import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError } from './errors';
import type { ErrorBody, Responses, TokenPair } from './types';

/**
 * The typed client. Paths, query parameters and request bodies are the generated `paths` of the server's OpenAPI
 * document (schema.d.ts), so a renamed route or a changed body fails `tsc`; responses are typed by the caller with
 * the shapes in types.ts (the document does not describe responses yet).
 */

type Method = 'get' | 'post' | 'put' | 'patch';
type Op<P extends keyof paths, M extends Method> = paths[P][M] extends infer O ? (O extends { parameters: unknown } ? O : never) : never;
type PathsWith<M extends Method> = { [P in keyof paths]: paths[P][M] extends undefined | never ? never : P }[keyof paths];
type QueryOf<P extends keyof paths, M extends Method> = Op<P, M>['parameters'] extends { query?: infer Q } ? Q : never;
type BodyOf<P extends keyof paths, M extends Method> =
  Op<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type ResponseOf<M extends Method, P> = P extends keyof Responses[M] ? Responses[M][P] : unknown;
type PathParams<P extends string> = P extends `${string}{${infer K}}${infer R}` ? { [k in K]: string } & PathParams<R> : unknown;

export interface RequestOptions<P extends keyof paths, M extends Method> {
  path?: PathParams<P & string>;
  query?: QueryOf<P, M>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

// ---- session tokens (per browser tab; a reload keeps the session, closing the tab ends it) ----
const STORE = 'ped.session';
interface Stored {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}
let tokens: Stored | null = readStored();
const listeners = new Set<(event: 'refreshed' | 'expired') => void>();

function readStored(): Stored | null {
  try {
    const raw = sessionStorage.getItem(STORE);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

export function setTokens(pair: Pick<TokenPair, 'accessToken' | 'refreshToken' | 'expiresIn'> | null): void {
  tokens = pair ? { accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: Date.now() + pair.expiresIn * 1000 } : null;
  if (tokens) sessionStorage.setItem(STORE, JSON.stringify(tokens));
  else sessionStorage.removeItem(STORE);
}

export const hasSession = () => tokens !== null;
export const accessTokenExpiresAt = () => tokens?.expiresAt ?? 0;
export function onSessionEvent(fn: (event: 'refreshed' | 'expired') => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

let refreshing: Promise<boolean> | null = null;

/** POST /auth/refresh with the refresh token (which rotates); one at a time however many requests wait on it. */
export function refreshSession(): Promise<boolean> {
  if (!tokens) return Promise.resolve(false);
  refreshing ??= (async () => {
    const current = tokens;
    try {
      const res = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: current?.refreshToken }),
      });
      if (!res.ok) {
        setTokens(null);
        listeners.forEach((l) => l('expired'));
        return false;
      }
      setTokens((await res.json()) as TokenPair);
      listeners.forEach((l) => l('refreshed'));
      return true;
    } catch {
      return false; // offline: keep the tokens, the next request tries again
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

const NO_REFRESH = /\/auth\/(login|refresh)$/;

/** fetch with the access token; a 401 triggers one silent refresh and a retry of the same request. */
export async function authFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const withToken = (req: Request) => {
    if (tokens) req.headers.set('authorization', `Bearer ${tokens.accessToken}`);
    return req;
  };
  const res = await fetch(withToken(input));
  if (res.status !== 401 || !tokens || NO_REFRESH.test(new URL(input.url).pathname)) return res;
  const ok = await refreshSession();
  return ok ? fetch(withToken(retry)) : res;
}

export const client = createClient<paths>({ baseUrl: location.origin, fetch: authFetch });

async function unwrap<T>(p: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await p;
  if (!response.ok) {
    const body =
      error && typeof error === 'object' && 'code' in error
        ? (error as ErrorBody)
        : { statusCode: response.status, code: `HTTP_${response.status}`, message: response.statusText };
    throw new ApiError(response.status, body);
  }
  return data as T;
}

/** Every path in the response table must be a route of the server's document. */
type Checked = { [M in Method]: Exclude<keyof Responses[M], PathsWith<M>> };
export const responsesTableIsChecked: Checked extends { [M in Method]: never } ? true : never = true;

const params = (o?: { path?: unknown; query?: unknown }) => ({ path: o?.path, query: o?.query }) as never;

export const api = {
  get<P extends PathsWith<'get'>>(path: P, o?: RequestOptions<P, 'get'>): Promise<ResponseOf<'get', P>> {
    return unwrap(client.GET(path as never, { params: params(o), headers: o?.headers, signal: o?.signal } as never));
  },
  post<P extends PathsWith<'post'>>(path: P, body?: BodyOf<P, 'post'>, o?: RequestOptions<P, 'post'>): Promise<ResponseOf<'post', P>> {
    return unwrap(client.POST(path as never, { params: params(o), body, headers: o?.headers } as never));
  },
  put<P extends PathsWith<'put'>>(path: P, body: BodyOf<P, 'put'>, o?: RequestOptions<P, 'put'>): Promise<ResponseOf<'put', P>> {
    return unwrap(client.PUT(path as never, { params: params(o), body, headers: o?.headers } as never));
  },
  patch<P extends PathsWith<'patch'>>(path: P, body: BodyOf<P, 'patch'>, o?: RequestOptions<P, 'patch'>): Promise<ResponseOf<'patch', P>> {
    return unwrap(client.PATCH(path as never, { params: params(o), body, headers: o?.headers } as never));
  },
};

/** A URL of the api with the current access token refreshed first (downloads: exports, evidence content). */
export async function authorizedBlob(url: string): Promise<Blob> {
  const res = await authFetch(new Request(new URL(url, location.origin)));
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ErrorBody | null;
    throw new ApiError(res.status, body ?? { statusCode: res.status, code: `HTTP_${res.status}`, message: res.statusText });
  }
  return res.blob();
}

/**
 * Multipart upload with progress (XMLHttpRequest: fetch has no upload progress), with the same silent refresh.
 */
export async function uploadWithProgress<T>(
  url: string,
  form: FormData,
  onProgress: (percent: number) => void,
  method: 'POST' | 'PUT' = 'POST',
): Promise<T> {
  const send = () =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      if (tokens) xhr.setRequestHeader('authorization', `Bearer ${tokens.accessToken}`);
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
      xhr.onload = () => {
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = null;
        }
        resolve({ status: xhr.status, body });
      };
      xhr.onerror = () => reject(new ApiError(0, { statusCode: 0, code: 'NETWORK', message: '网络错误' }));
      xhr.send(form);
    });
  let res = await send();
  if (res.status === 401 && (await refreshSession())) res = await send();
  if (res.status < 200 || res.status >= 300) {
    const b = res.body as ErrorBody | null;
    throw new ApiError(res.status, b ?? { statusCode: res.status, code: `HTTP_${res.status}`, message: '' });
  }
  return res.body as T;
}
