// Turns the statements bench/sql-capture.cjs recorded for one request into a replay plan: the same texts in the same
// order, each parameter either a constant or built from what varies between requests. Used by bench/bare-server.mjs
// (replayed per HTTP request) and by bench/hotpaths.mjs (a pgbench script). A captured value is replaced when it is
//   (a) the captured request's path parameter or a claim of its bearer token (sub, sid)   → the current request's;
//   (b) a value of an earlier statement's result (a generated id, a counter)               → this replay's result;
//       also a counter's number inside a text (a receipt number built from it: 〔2026〕0042号) → the new number,
//       zero-padded to the same width;
//   (c) any other UUID (an id the api generated, e.g. a request id)                       → a fresh one per replay.
// Substitution works inside texts too (an id inside an array literal or a JSON document). Everything else is sent
// as captured.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+/gi;
const DML = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** The capture file, by label: { label, request: { method, url, claims }, statements (in call order) }. */
export function readCapture(file) {
  const byLabel = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const j = JSON.parse(line);
    let e = byLabel.get(j.label);
    if (!e) byLabel.set(j.label, (e = { label: j.label, request: null, statements: [] }));
    if (j.request) {
      if (e.request) throw new Error(`capture: label ${j.label} was captured more than once`);
      e.request = j.request;
    } else e.statements.push(j);
  }
  for (const e of byLabel.values()) e.statements.sort((a, b) => a.seq - b.seq);
  return byLabel;
}

/** 'GET /api/v1/cases/:id' → { method, path } */
export function parseRoute(route) {
  const [method, p] = route.trim().split(/\s+/);
  return { method: method.toUpperCase(), path: p };
}

/** The path parameters of `url` under the route pattern `routePath` (null when it does not match). */
export function matchRoute(routePath, url) {
  const want = routePath.split('/');
  const got = url.split('?')[0].split('/');
  if (want.length !== got.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

/** The prepared statement's name: a short hash of its text (prepared once per connection). */
export const statementName = (text) => `b${createHash('sha1').update(text).digest('hex').slice(0, 15)}`;

const isDigits = (s) => typeof s === 'string' && /^\d+$/.test(s);
const cellOf = (row, col, idx) => {
  const v = row?.[col];
  return idx === undefined ? v : Array.isArray(v) ? v[idx] : undefined;
};

/**
 * Compiles a captured request (`body`: the request body the client sent, whose UUIDs stay as they are) into { label, route, method, params, statements, notes, inlined }. A statement:
 * { text, name, command, rowCount, conn, values: [template] }; a template is { const } or { segs: [string | ref] },
 * a ref one of { param }, { claim }, { cell: [statement, row, column, index?] }, { num: [statement, row, column],
 * width }, { fresh: k } — each with the captured value it stands for (`was`).
 */
export function compilePlan(entry, route, { body = '' } = {}) {
  const { method, path: routePath } = parseRoute(route);
  if (!entry.request) throw new Error(`capture: no request line for ${entry.label}`);
  if (entry.request.method !== method) throw new Error(`capture ${entry.label}: ${entry.request.method} ≠ ${method}`);
  const params = matchRoute(routePath, entry.request.url);
  if (!params) throw new Error(`capture ${entry.label}: ${entry.request.url} does not match ${routePath}`);
  const claims = entry.request.claims ?? {};
  const known = new Map();
  for (const [k, v] of Object.entries(params)) known.set(v, { param: k });
  for (const k of ['sub', 'sid']) if (typeof claims[k] === 'string' && !known.has(claims[k])) known.set(claims[k], { claim: k });
  const stmts = entry.statements;
  const fresh = new Map();
  const notes = [];

  // (b): the first earlier statement whose result holds `v`; non-UUID values only when distinctive (a number of two
  // or more digits a DML statement returned, or a text of ten or more characters), so that a 'false', a '0' or a
  // version 1 is not taken for data flow
  const findCell = (v, i) => {
    for (let j = 0; j < i; j++) {
      const s = stmts[j];
      if (UUID.test(v) && s.uuids?.[v]) return { cell: s.uuids[v], from: j };
      if (UUID.test(v)) continue;
      const dmlNumber = isDigits(v) && v.length >= 2 && DML.has(s.command);
      if (!dmlNumber && v.length < 10) continue;
      for (const [r, row] of (s.rows ?? []).entries()) {
        for (const [col, cv] of Object.entries(row)) if (cv === v) return { cell: [r, Array.isArray(row) ? Number(col) : col], from: j };
      }
    }
    return null;
  };
  // (b'): a counter's number inside a text, zero-padded: a digit run of ≥ 3 that is not part of a time or a word
  const findCounter = (tok, at, v, i) => {
    if (tok.length < 3) return null;
    const before = v[at - 1] ?? '';
    const after = v[at + tok.length] ?? '';
    if (/[A-Za-z0-9_.:]/.test(before) || /[A-Za-z0-9_:]/.test(after)) return null;
    const n = Number(tok);
    for (let j = 0; j < i; j++) {
      const s = stmts[j];
      if (!DML.has(s.command)) continue;
      for (const [r, row] of (s.rows ?? []).entries()) {
        for (const [col, cv] of Object.entries(row)) {
          if (isDigits(cv) && Number(cv) === n) return { num: [j, r, Array.isArray(row) ? Number(col) : col], width: tok.length };
        }
      }
    }
    return null;
  };
  const refLabel = (ref) =>
    ref.param
      ? `path :${ref.param}`
      : ref.claim
        ? `token ${ref.claim}`
        : ref.cell
          ? `#${ref.cell[0]} ${ref.cell[2]}${ref.cell[3] !== undefined ? `[${ref.cell[3]}]` : ''} (row ${ref.cell[1]})`
          : ref.num
            ? `#${ref.num[0]} ${ref.num[2]} zero-padded to ${ref.width}`
            : `fresh uuid ${ref.fresh}`;

  const compileValue = (v, i, k) => {
    if (typeof v !== 'string') return { const: v ?? null };
    const note = (ref, whole) => {
      notes.push({ statement: i, param: k + 1, was: ref.was, by: refLabel(ref), whole });
      return ref;
    };
    const whole =
      known.get(v) ??
      (() => {
        const c = findCell(v, i);
        return c ? { cell: [c.from, ...c.cell] } : null;
      })();
    if (whole) return { segs: [note({ ...whole, was: v }, true)] };
    const segs = [];
    let last = 0;
    for (const m of v.matchAll(TOKEN)) {
      const tok = m[0];
      let ref = null;
      if (UUID.test(tok)) {
        const c = known.get(tok) ?? findCell(tok, i);
        if (c?.cell) ref = { cell: [c.from, ...c.cell] };
        else if (c) ref = c;
        else if (body.includes(tok))
          continue; // sent by the client (the same body every time)
        else {
          if (!fresh.has(tok)) fresh.set(tok, fresh.size);
          ref = { fresh: fresh.get(tok) };
        }
      } else ref = findCounter(tok, m.index, v, i);
      if (!ref) continue;
      if (m.index > last) segs.push(v.slice(last, m.index));
      segs.push(note({ ...ref, was: tok }, false));
      last = m.index + tok.length;
    }
    if (!segs.length) return { const: v };
    if (last < v.length) segs.push(v.slice(last));
    return { segs };
  };

  const statements = stmts.map((s, i) => ({
    text: s.text,
    name: statementName(s.text),
    command: s.command,
    rowCount: s.rowCount,
    conn: s.conn,
    error: s.error,
    values: (s.values ?? []).map((v, k) => compileValue(v, i, k)),
  }));
  // values that vary per request but sit in the SQL text itself (the replay would then need a text per request)
  const varying = [...known.keys(), ...fresh.keys()];
  const inlined = statements.flatMap((s, i) => varying.filter((v) => s.text.includes(v)).map((v) => ({ statement: i, value: v })));
  return { label: entry.label, route, method, routePath, params, claims, statements, notes, freshCount: fresh.size, inlined };
}

/** Evaluates a template for one replay: ctx = { params, claims, results: [pg results so far], fresh: [], uuid() }. */
export function evalTemplate(t, ctx, prepare) {
  if ('const' in t) return t.const !== null && typeof t.const === 'object' ? Buffer.from(t.const.$buffer, 'base64') : t.const;
  if (t.segs.length === 1 && typeof t.segs[0] !== 'string') return evalRef(t.segs[0], ctx, prepare);
  let s = '';
  for (const seg of t.segs) s += typeof seg === 'string' ? seg : evalRef(seg, ctx, prepare);
  return s;
}

function evalRef(ref, ctx, prepare) {
  if (ref.param) return ctx.params[ref.param];
  if (ref.claim) return ctx.claims[ref.claim];
  if (ref.fresh !== undefined) return (ctx.fresh[ref.fresh] ??= ctx.uuid());
  const [j, r, col, idx] = ref.cell ?? ref.num;
  const v = cellOf(ctx.results[j]?.rows?.[r], col, idx);
  if (v === undefined || v === null) return ref.was; // the replay's result lacks the row: the captured value
  const w = prepare(v);
  return ref.num ? String(w).padStart(ref.width, '0') : w;
}

/**
 * One line per substitution, for the report; the ids of a list's rows (the same column of consecutive rows, in one
 * parameter) on one line.
 */
export function describeNotes(plan) {
  const lines = [];
  let run = null;
  const flush = () => {
    if (!run) return;
    const n = run.notes.length;
    const first = run.notes[0];
    lines.push(
      n === 1
        ? `#${first.statement} $${first.param}${first.whole ? '' : ' (inside the text)'}: ${first.was} ← ${first.by}`
        : `#${first.statement} $${first.param} (inside the text): ${n} values ${first.was}, … ← #${run.key.split(' ')[2]} ${run.col} (rows ${run.rows[0]}–${run.rows[n - 1]})`,
    );
    run = null;
  };
  for (const n of plan.notes) {
    const m = /^#(\d+) (\S+) \(row (\d+)\)$/.exec(n.by);
    const key = m ? `${n.statement} ${n.param} ${m[1]} ${m[2]}` : null;
    if (run && key && run.key === key && Number(m[3]) === run.rows[run.rows.length - 1] + 1) {
      run.notes.push(n);
      run.rows.push(Number(m[3]));
      continue;
    }
    flush();
    if (key) run = { key, col: m[2], rows: [Number(m[3])], notes: [n] };
    else lines.push(`#${n.statement} $${n.param}${n.whole ? '' : ' (inside the text)'}: ${n.was} ← ${n.by}`);
  }
  flush();
  return lines;
}

// ---------------------------------------------------------------- pgbench

const TEXT_TYPES = new Set(['text', 'character varying', 'unknown', 'name']);

/**
 * A literal pgbench passes through untouched: with -M prepared it reads any `:name` as a variable, also inside
 * quotes (a JSON document's `"uscc":null`, a time's `07:28`), so a colon is written as \x3a in an E'' string.
 */
export function sqlLiteral(v) {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'object' && v.$buffer !== undefined) return `'\\x${Buffer.from(v.$buffer, 'base64').toString('hex')}'::bytea`;
  const s = String(v);
  if (/[:\\]/.test(s)) return `E'${s.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/:/g, '\\x3a')}'`;
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * A pgbench script (-M prepared) running the plan's statements once per transaction: BEGIN/COMMIT as captured,
 * constants as literals (the token's user and the path parameters stay those of the capture: one client identity),
 * a result later statements use taken with `\gset p<N>_` (single-row results) and used as :p<N>_<column>, a counter
 * inside a text rebuilt with lpad, fresh UUIDs from gen_random_uuid() (or two random pgbench numbers when one is used
 * several times). `paramTypes[i]` (from PREPARE: pg_prepared_statements.parameter_types) gives the casts an expression
 * needs where an untyped literal or parameter would not (text into jsonb, uuid, arrays). Returns { script, notes }.
 */
export function pgbenchScript(plan, paramTypes = []) {
  const notes = [];
  const gset = new Set();
  const freshUses = new Map();
  for (const s of plan.statements) {
    for (const t of s.values)
      for (const seg of t.segs ?? []) if (seg.fresh !== undefined) freshUses.set(seg.fresh, (freshUses.get(seg.fresh) ?? 0) + 1);
  }
  const variable = (ref) => {
    const [j, r, col, idx] = ref.cell ?? ref.num;
    const st = plan.statements[j];
    if (r !== 0 || idx !== undefined || st.rowCount !== 1 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(col))) return null;
    gset.add(j);
    return `:p${j}_${col}`;
  };
  // { sql, untyped }: untyped = a literal or a lone parameter, which PostgreSQL types from the context as it types the
  // api's $n; an expression has a type of its own (text) and needs a cast where the parameter is not text
  const refSql = (ref, inText) => {
    if (ref.param || ref.claim) return { sql: sqlLiteral(ref.was), untyped: true };
    if (ref.fresh !== undefined) {
      if ((freshUses.get(ref.fresh) ?? 0) <= 1) return { sql: 'gen_random_uuid()::text', untyped: false };
      const f = `f${ref.fresh}`;
      return { sql: `(lpad(to_hex(:${f}a::bigint), 16, '0') || lpad(to_hex(:${f}b::bigint), 16, '0'))::uuid::text`, untyped: false };
    }
    const v = variable(ref);
    if (!v) {
      notes.push(`${ref.was}: from a result pgbench cannot \\gset (not a single row's column): sent as captured`);
      return { sql: sqlLiteral(ref.was), untyped: true };
    }
    if (ref.num) return { sql: `lpad(${v}::text, greatest(${ref.width}, length(${v}::text)), '0')`, untyped: false };
    return inText ? { sql: `${v}::text`, untyped: false } : { sql: `(${v})`, untyped: true };
  };
  const valueSql = (t, type, castFollows) => {
    if ('const' in t) return sqlLiteral(t.const);
    const parts = t.segs.map((seg) => (typeof seg === 'string' ? { sql: sqlLiteral(seg), untyped: true } : refSql(seg, t.segs.length > 1)));
    if (parts.length === 1 && parts[0].untyped) return parts[0].sql;
    const expr = parts.length === 1 ? parts[0].sql : parts.map((p) => p.sql).join(' || ');
    return type && !TEXT_TYPES.has(type) && !castFollows ? `(${expr})::${type}` : `(${expr})`;
  };

  const body = plan.statements.map((s, i) => {
    const types = paramTypes[i] ?? [];
    const sql = s.text.replace(/\$(\d+)/g, (m, n, at) => {
      const t = s.values[Number(n) - 1];
      return t ? valueSql(t, types[Number(n) - 1], s.text.startsWith('::', at + m.length)) : m;
    });
    if (/(^|[^:]):[A-Za-z0-9_\u0080-\uffff]/.test(s.text)) notes.push(`#${i}: its text has a ':name' pgbench would read as a variable`);
    return { i, sql };
  });
  const lines = [];
  for (const [k, uses] of freshUses) {
    if (uses > 1) lines.push(`\\set f${k}a random(1, 9223372036854775806)`, `\\set f${k}b random(1, 9223372036854775806)`);
  }
  for (const { i, sql } of body) lines.push(`${sql}\n${gset.has(i) ? `\\gset p${i}_` : ';'}`);
  return { script: `${lines.join('\n')}\n`, notes };
}
