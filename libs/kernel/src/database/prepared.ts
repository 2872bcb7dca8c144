import { createHash } from 'node:crypto';
import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { connectionLost } from './pg-errors';

/**
 * A fixed statement of a hot path, sent as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of on every request (the GET of a case cost the server ~4× more unprepared), and no query
 * builder runs in node. The name is derived from the text, so two statements never share a name and a changed text
 * is a new statement.
 */
export interface Statement<R> {
  readonly name: string;
  readonly text: string;
  /** phantom: the row type, for `runStatement`'s result */
  readonly rows?: R;
}

export function statement<R>(text: string): Statement<R> {
  return { name: `ped_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text };
}

interface PgQueryable {
  query(config: { name?: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

/** The pool behind a data source (TypeORM's postgres driver keeps node-postgres' Pool as `master`). */
function poolOf(dataSource: DataSource): PgQueryable {
  return (dataSource.driver as unknown as { master: PgQueryable }).master;
}

/**
 * Runs `st` with `values`: on the data source's pool, or on the connection of the manager's transaction (so it sees
 * the transaction's writes and locks). Errors are node-postgres' own (`code`, `constraint`), as `pg-errors.ts` reads them.
 */
export async function runStatement<R>(on: DataSource | EntityManager, st: Statement<R>, values: readonly unknown[]): Promise<R[]> {
  const config = { name: st.name, text: st.text, values };
  if ('driver' in on && !('queryRunner' in on)) return (await poolOf(on).query(config)).rows as R[];
  const em = on as EntityManager;
  const runner = em.queryRunner;
  if (!runner) return (await poolOf(em.connection).query(config)).rows as R[];
  // a transaction's runner is released under it only when its connection failed: the statement must not run
  // outside the transaction on the pool (it would commit alone); the transaction fails as the connection did
  if (runner.isReleased) throw connectionLost(new Error(`statement ${st.name} on a released query runner`));
  const client = (await runner.connect()) as PgQueryable;
  return (await client.query(config)).rows as R[];
}

/**
 * Runs a statement whose text is assembled per request (a list's filters) unnamed, on the pool: PostgreSQL plans it each
 * time, but nothing accumulates per connection as the filter combinations vary.
 */
export async function runQuery<R>(dataSource: DataSource, text: string, values: readonly unknown[]): Promise<R[]> {
  return (await poolOf(dataSource).query({ text, values })).rows as R[];
}

/**
 * Reads entities from rows of a fixed statement: the select list of every column (aliased `<prefix><property>`),
 * and the hydration TypeORM itself applies (dates as 'YYYY-MM-DD', transformers), without a query builder.
 */
export class EntityColumns<E extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;
  private readonly inserts = new Map<string, Statement<Record<string, unknown>>>();

  constructor(
    private readonly dataSource: DataSource,
    target: EntityTarget<E>,
  ) {
    this.metadata = dataSource.getMetadata(target);
  }

  /** `alias.col AS "<prefix>prop", …` for every column of the entity. */
  selectList(alias: string, prefix = ''): string {
    return this.metadata.columns.map((c) => `${alias}.${c.databaseName} AS "${prefix}${c.propertyPath}"`).join(', ');
  }

  /**
   * INSERTs `rows` (columns no row gives take their defaults; one a row leaves out is NULL) and answers them as stored,
   * RETURNING every column — no read-back, no query builder. One prepared statement per column set and row count.
   */
  async insert(em: EntityManager, rows: readonly Partial<E>[]): Promise<E[]> {
    if (!rows.length) return [];
    const columns = this.metadata.columns.filter((c) => rows.some((r) => c.getEntityValue(r) !== undefined));
    const key = `${rows.length}:${columns.map((c) => c.propertyPath).join(',')}`;
    let st = this.inserts.get(key);
    if (!st) {
      let n = 0;
      const tuples = rows.map(() => `(${columns.map(() => `$${++n}`).join(', ')})`).join(', ');
      st = statement(
        `INSERT INTO ${this.metadata.tablePath} (${columns.map((c) => `"${c.databaseName}"`).join(', ')}) VALUES ${tuples}
         RETURNING ${this.selectList(this.metadata.tablePath)}`,
      );
      this.inserts.set(key, st);
    }
    const driver = this.dataSource.driver;
    const values = rows.flatMap((r) => columns.map((c) => driver.preparePersistentValue(c.getEntityValue(r) ?? null, c) as unknown));
    return (await runStatement(em, st, values)).map((row) => this.read(row));
  }

  /** The entity of the first row `st` answers (a lookup by key), or null when there is none. */
  async one(on: DataSource | EntityManager, st: Statement<Record<string, unknown>>, values: readonly unknown[]): Promise<E | null> {
    const [row] = await runStatement(on, st, values);
    return row ? this.read(row) : null;
  }

  /** The entity held in `row`'s `<prefix>…` fields. */
  read(row: Record<string, unknown>, prefix = ''): E {
    const entity = this.metadata.create() as E;
    const driver = this.dataSource.driver;
    for (const c of this.metadata.columns) c.setEntityValue(entity, driver.prepareHydratedValue(row[`${prefix}${c.propertyPath}`], c));
    return entity;
  }
}

/**
 * The WHERE clause of a statement assembled per request (a list's filters) with positional parameters: `bind` adds a
 * value and answers its placeholder, `and` adds a condition. No query builder: the text is what PostgreSQL gets.
 */
export class SqlConditions {
  readonly values: unknown[] = [];
  private readonly parts: string[] = [];

  readonly bind = (value: unknown): string => `$${this.values.push(value)}`;

  and(condition: string): this {
    this.parts.push(`(${condition})`);
    return this;
  }

  /** `WHERE a AND b …`, or '' with no condition. */
  where(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }

  /** Another set of conditions with these and their values, to add to without changing this one. */
  copy(): SqlConditions {
    const c = new SqlConditions();
    c.values.push(...this.values);
    c.parts.push(...this.parts);
    return c;
  }
}
