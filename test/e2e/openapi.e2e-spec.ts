import type { OpenAPIObject } from '@nestjs/swagger';
import { registeredRoutes } from '@app/platform';
import { createTestApp, TestApp } from '../utils/test-app';

/**
 * The OpenAPI document (/api/docs-json) must be complete enough to generate a typed client (issue 12): every route's
 * success response has a schema (204 aside; files are binary), every request body has one, errors share the api.md
 * error body, and enums are named components.
 */

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  additionalProperties?: boolean | Schema;
};
interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  parameters?: { name: string; in: string; schema?: Schema }[];
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
const ERROR_REF = '#/components/schemas/ErrorBodyDto';
/** Routes outside the versioned api: the probes answer plain JSON documented as such; /metrics is Prometheus text. */
const UNVERSIONED = /^\/(health\/|metrics$)/;

function operations(doc: OpenAPIObject): { key: string; path: string; method: string; op: Operation }[] {
  const out: { key: string; path: string; method: string; op: Operation }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (op) out.push({ key: `${method.toUpperCase()} ${path}`, path, method, op });
    }
  }
  return out;
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenAPIObject;
  let schemas: Record<string, Schema>;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenAPIObject;
    schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  });
  afterAll(() => t.close());

  /** Why a schema does not describe a body, or null when it does. */
  function problem(schema: Schema | undefined, seen = new Set<string>()): string | null {
    if (!schema) return 'no schema';
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      const target = schemas[name];
      if (!target) return `dangling ${schema.$ref}`;
      if (seen.has(name)) return null;
      seen.add(name);
      return problem(target, seen);
    }
    for (const list of [schema.allOf, schema.oneOf, schema.anyOf]) {
      if (list) return list.map((s) => problem(s, seen)).find((p) => p !== null) ?? null;
    }
    if (schema.type === 'array') return problem(schema.items, seen);
    if (schema.type === 'object' || schema.properties) {
      if (Object.keys(schema.properties ?? {}).length === 0 && !schema.additionalProperties) return 'an object without properties';
      return null;
    }
    if (schema.type || schema.enum) return null;
    return 'a schema without a type';
  }

  it('documents every route the api answers', () => {
    const documented = new Set(operations(doc).map((o) => o.key));
    const missing = registeredRoutes(t.app)
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`)
      .filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });

  it('every route has a documented success response with a schema (204 and file downloads aside)', () => {
    const problems: string[] = [];
    for (const { key, path, op } of operations(doc)) {
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) {
        problems.push(`${key}: no 2xx response`);
        continue;
      }
      for (const [status, response] of success) {
        if (status === '204') {
          if (response.content) problems.push(`${key}: 204 with a body`);
          continue;
        }
        const content = Object.entries(response.content ?? {});
        if (content.length === 0) {
          problems.push(`${key}: ${status} without content`);
          continue;
        }
        for (const [mediaType, media] of content) {
          if (mediaType === 'application/json') {
            const p = problem(media.schema);
            if (p) problems.push(`${key}: ${status} ${mediaType}: ${p}`);
          } else if (!(media.schema?.type === 'string' && media.schema.format === 'binary') && !UNVERSIONED.test(path)) {
            problems.push(`${key}: ${status} ${mediaType} is not declared binary`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every POST/PUT/PATCH that takes a body documents it with a schema; multipart uploads have a binary file', () => {
    const problems: string[] = [];
    for (const { key, method, op } of operations(doc)) {
      if (!['post', 'put', 'patch'].includes(method) || !op.requestBody) continue;
      const content = Object.entries(op.requestBody.content ?? {});
      if (content.length === 0) problems.push(`${key}: request body without content`);
      for (const [mediaType, media] of content) {
        const p = problem(media.schema);
        if (p) problems.push(`${key}: request ${mediaType}: ${p}`);
        if (mediaType === 'multipart/form-data' && media.schema?.properties?.file?.format !== 'binary') {
          problems.push(`${key}: multipart without a binary "file"`);
        }
      }
    }
    expect(problems).toEqual([]);
    const upload = doc.paths['/api/v1/cases/{id}/evidence'].post as Operation;
    expect(Object.keys(upload.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
  });

  it('documents the api.md error body for the 4xx and 5xx of every api route', () => {
    expect(schemas.ErrorBodyDto?.required).toEqual(expect.arrayContaining(['statusCode', 'code', 'message', 'requestId']));
    const problems: string[] = [];
    for (const { key, path, op } of operations(doc)) {
      if (!path.startsWith('/api/v1/')) continue;
      const errors = Object.entries(op.responses ?? {}).filter(([status]) => /^[45]\d\d$/.test(status));
      if (errors.length === 0) problems.push(`${key}: no error responses`);
      for (const [status, response] of errors) {
        if (response.content?.['application/json']?.schema?.$ref !== ERROR_REF) problems.push(`${key}: ${status} is not the error body`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents every path parameter of every route', () => {
    const missing: string[] = [];
    for (const { key, path, op } of operations(doc)) {
      const declared = new Set((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name));
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) if (!declared.has(name)) missing.push(`${key}: {${name}}`);
    }
    expect(missing).toEqual([]);
  });

  it('names every enum (a component schema, not an inline list)', () => {
    const inline: string[] = [];
    const visit = (where: string, s: Schema | undefined) => {
      if (!s) return;
      if (s.enum) inline.push(where);
      if (s.items) visit(`${where}[]`, s.items);
      for (const [name, p] of Object.entries(s.properties ?? {})) visit(`${where}.${name}`, p);
      for (const sub of [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])]) visit(where, sub);
    };
    for (const [name, s] of Object.entries(schemas)) if (!(s.enum && s.type)) visit(name, s);
    for (const { key, op } of operations(doc)) for (const p of op.parameters ?? []) visit(`${key} ${p.in}:${p.name}`, p.schema);
    expect(inline).toEqual([]);
  });
});
