import type { Test } from 'supertest';
import { auth, TestApp } from '../utils/test-app';

/** A record that takes actions: its id and the version the action expects. */
export interface Versioned {
  id: string;
  version: number;
}

/** The kinds of record with `POST /<resource>/:id/actions/:action` routes. */
export type ActionResource = 'cases' | 'hotline/tickets' | 'credit/publications';

/** `POST /api/v1/<resource>/:id/actions/:action` with the record's version: the request, for the test to assert on. */
export function act(
  t: TestApp,
  resource: ActionResource,
  record: Versioned,
  action: string,
  body: Record<string, unknown>,
  token: string,
): Test {
  return t.http
    .post(`/api/v1/${resource}/${record.id}/actions/${action}`)
    .set(auth(token))
    .send({ expectedVersion: record.version, ...body });
}

/** The same action, which must succeed (200): returns the updated record, or throws with the answer. */
export async function actOk<T extends Versioned>(
  t: TestApp,
  resource: ActionResource,
  record: T,
  action: string,
  body: Record<string, unknown>,
  token: string,
): Promise<T> {
  const res = await act(t, resource, record, action, body, token);
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}
