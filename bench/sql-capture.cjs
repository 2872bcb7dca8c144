// Preload for the hotpaths bench: records the SQL the api sends for chosen HTTP requests.
//
//   BENCH_SQL_CAPTURE=/tmp/capture.jsonl node -r ./bench/sql-capture.cjs dist/apps/api/src/main.js
//
// Every statement sent through pg.Client#query while serving a request that carries the header
// `x-bench-capture: <label>` is appended to the file as one JSON line:
//   { label, seq, conn, text, name, values, rows, rowCount, command, fields, uuids, error }
// values are what pg puts on the wire (pg's prepareValue: strings, or null; a Buffer as { $buffer: base64 }), rows
// the first ≤ 2 result rows in the same form (so a value the api passes on from a result can be recognised), uuids
// where each UUID-shaped value of the whole result first appears ({ value: [row, column(, index in an array)] }: a
// list page passes on the ids of all its rows), seq the order of the calls within the request, conn a small number
// per pg connection (to see whether the api used several). Before a request's statements, one line
// { label, request: { method, url, claims } } with the claims of its bearer token (decoded, not verified).
// Statements outside such requests (start-up, background timers) are not recorded.
//
// A request with the header `x-bench-capture-off: 1` removes the hooks (after that request has been served), so
// the measured load runs the api as it runs without this file: on Node 20 an AsyncLocalStorage in use installs
// promise hooks, which cost the api time on every await.
'use strict';

const file = process.env.BENCH_SQL_CAPTURE;
if (file) {
  const fs = require('node:fs');
  const http = require('node:http');
  const { AsyncLocalStorage } = require('node:async_hooks');
  // the app's pg (same module instance: node_modules resolves to one real path)
  const pg = require('pg');
  const { prepareValue } = require('pg/lib/utils');

  const als = new AsyncLocalStorage();
  const connIds = new WeakMap();
  let nextConn = 1;
  const connId = (client) => {
    let id = connIds.get(client);
    if (!id) connIds.set(client, (id = nextConn++));
    return id;
  };

  const wire = (v) => {
    const p = prepareValue(v);
    return Buffer.isBuffer(p) ? { $buffer: p.toString('base64') } : p;
  };
  const wireRow = (row) => {
    if (Array.isArray(row)) return row.map(wire); // rowMode: 'array'
    const out = {};
    for (const [k, v] of Object.entries(row)) out[k] = wire(v);
    return out;
  };

  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const uuidCells = (rows) => {
    const out = {};
    rows.slice(0, 1000).forEach((row, r) => {
      for (const [k, v] of Object.entries(row)) {
        const col = Array.isArray(row) ? Number(k) : k;
        if (typeof v === 'string' && UUID.test(v) && !(v in out)) out[v] = [r, col];
        // an element of an array column (uuid[]): [row, column, index]
        if (Array.isArray(v)) v.forEach((x, i) => typeof x === 'string' && UUID.test(x) && !(x in out) && (out[x] = [r, col, i]));
      }
    });
    return out;
  };
  const append = (line) => {
    try {
      fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
    } catch (e) {
      process.stderr.write(`sql-capture: cannot write ${file}: ${e.message}\n`);
    }
  };
  const claimsOf = (authorization) => {
    const m = /^Bearer\s+[^.]+\.([^.]+)\./i.exec(authorization ?? '');
    if (!m) return null;
    try {
      return JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
    } catch {
      return null;
    }
  };

  const write = (store, call, result, err) => {
    // pg gives an array of results for a multi-statement simple query
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    const line = {
      label: store.label,
      seq: call.seq,
      conn: call.conn,
      text: call.text,
      name: call.name ?? null,
      values: call.values ? call.values.map(wire) : [],
      rows: last?.rows ? last.rows.slice(0, 2).map(wireRow) : [],
      rowCount: last?.rowCount ?? null,
      command: last?.command ?? null,
      fields: last?.fields ? last.fields.map((f) => f.name) : [],
      uuids: last?.rows ? uuidCells(last.rows) : {},
      error: err ? String(err.message ?? err) : null,
    };
    append(line);
  };

  const origQuery = pg.Client.prototype.query;
  function capturingQuery(config, values, callback) {
    const store = als.getStore();
    if (!store || config == null) return origQuery.apply(this, arguments);
    const call = { seq: store.seq++, conn: connId(this), text: null, name: null, values: null };
    const args = Array.from(arguments);

    // a submittable (pg.Query, pg-query-stream, pg-cursor): its config is on the object; results via its events
    if (typeof config.submit === 'function') {
      call.text = config.text ?? null;
      call.name = config.name ?? null;
      call.values = config.values ?? (Array.isArray(values) ? values : null);
      // no 'row' listener of ours: it would stop pg.Query collecting the rows it hands to 'end'
      if (typeof config.on === 'function') {
        config.once('end', (r) => write(store, call, r?.rows ? r : { rows: [], rowCount: r?.rowCount ?? null }));
        config.once('error', (err) => write(store, call, null, err));
      }
      return origQuery.apply(this, args);
    }

    if (typeof config === 'string') {
      call.text = config;
      call.values = Array.isArray(values) ? values : null;
    } else {
      call.text = config.text;
      call.name = config.name ?? null;
      call.values = Array.isArray(values) ? values : (config.values ?? null);
    }
    // callback form: query(text, cb), query(text, values, cb), query(config, cb)
    const cbAt = typeof values === 'function' ? 1 : typeof callback === 'function' ? 2 : -1;
    if (cbAt >= 0) {
      const cb = args[cbAt];
      args[cbAt] = function (err, res) {
        write(store, call, res, err);
        return cb.apply(this, arguments);
      };
      return origQuery.apply(this, args);
    }
    if (typeof config === 'object' && typeof config.callback === 'function') {
      const cb = config.callback;
      args[0] = {
        ...config,
        callback(err, res) {
          write(store, call, res, err);
          return cb.apply(this, arguments);
        },
      };
      return origQuery.apply(this, args);
    }
    // promise form
    const p = origQuery.apply(this, args);
    if (p && typeof p.then === 'function') {
      p.then(
        (res) => write(store, call, res),
        (err) => write(store, call, null, err),
      );
    }
    return p;
  }
  pg.Client.prototype.query = capturingQuery;

  const origEmit = http.Server.prototype.emit;
  let uninstalled = false;
  const uninstall = () => {
    if (uninstalled) return;
    uninstalled = true;
    if (pg.Client.prototype.query === capturingQuery) pg.Client.prototype.query = origQuery;
    if (http.Server.prototype.emit === capturingEmit) http.Server.prototype.emit = origEmit;
    als.disable();
  };
  function capturingEmit(event, req, res) {
    if (event === 'request' && req?.headers) {
      if (req.headers['x-bench-capture-off']) {
        res.once('close', uninstall);
        return origEmit.apply(this, arguments);
      }
      const label = req.headers['x-bench-capture'];
      if (typeof label === 'string' && label) {
        append({ label, request: { method: req.method, url: req.url, claims: claimsOf(req.headers.authorization) } });
        return als.run({ label, seq: 0 }, () => origEmit.apply(this, arguments));
      }
    }
    return origEmit.apply(this, arguments);
  }
  http.Server.prototype.emit = capturingEmit;
}
