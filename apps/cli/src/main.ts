import { readFile } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import { AuditChainService } from '@app/audit';
import { DemoSeeder, OrgUnitsFile, orgUnitsFromFile, OrgUnitsService, UsersService } from '@app/auth';
import { CalendarLoader, ScheduleFile } from '@app/calendar';
import { EarlyWarningService, HotlineSlaSweep } from '@app/hotline';
import { MetricsRebuildService, MetricsRollup } from '@app/metrics';
import { AppConfig, ConfigError, generateKeyRingValue, loadConfig, Role, systemActor } from '@app/kernel';
import {
  CliModule,
  createDataSource,
  DemoHistorySeeder,
  pendingSchemaChanges,
  revertAllMigrations,
  runMigrations,
  startEmbeddedPostgres,
} from '@app/platform';
import { generateExchangeKeyPair, isSignatureAlgorithm, PartnerInput, PartnersService } from '@app/transfers';
import { DataSource } from 'typeorm';

const HELP = `usage: npm run cli -- <command> [args]
  migrate                         apply pending migrations to DATABASE_URL
  migration:check                 fail when the entities and the migrated schema differ
  seed:demo [--history]           load org units and the demo users (once); --history also fills a lived-in demo year
  org-units:load <file.json>      load/refresh org units from a file shaped like the seed data
  user:create <username> <displayName> <role[,role]> <orgUnitCode>   (password from the PASSWORD env variable)
  audit:verify                    seal pending audit entries and verify the hash chain (exit 1 when broken)
  calendar:load <file.json>       load an official holiday schedule { source, holidays: [], workdays: [] } and
                                  recompute the deadlines of open cases
  keys:generate [keyId]           print a new FIELD_ENCRYPTION_KEYS entry (prepend it to rotate keys)
  hotline:early-warning           evaluate the hotline early warning now (as the worker does periodically)
  hotline:sla-sweep               send due hotline SLA reminders and escalations now (idempotent)
  exchange:keygen [--alg ed25519|sm2]   print a key pair for the cross-region exchange (EXCHANGE_PRIVATE_KEY and
                                  the public key to hand to partner offices)
  partners:load <file.json>       create/update partner offices from a file: { partners: [{ code, name, endpoint?,
                                  keys?: [{ keyId, algorithm, publicKey }], active?, replyDueWorkingDays? }] }
  metrics:rebuild [--dry-run]     recompute the metric counts from the source tables and print the drift per metric
                                  (--dry-run: report only); also rolls up the live states (open overdue cases)
Without DATABASE_URL the embedded database under DATA_DIR is used (started if it is not running).`;

async function withConfig<T>(work: (config: AppConfig) => Promise<T>): Promise<T> {
  let stop: (() => Promise<void>) | null = null;
  if (!process.env.DATABASE_URL) {
    const db = await startEmbeddedPostgres({
      dataDir: process.env.DATA_DIR ?? '.data',
      port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    });
    process.env.DATABASE_URL = db.databaseUrl;
    process.env.JWT_SECRET ??= db.jwtSecret;
    process.env.FIELD_ENCRYPTION_KEYS ??= db.fieldEncryptionKeys;
    stop = () => db.stop();
  }
  try {
    return await work(loadConfig(process.env, { embedded: stop !== null }));
  } finally {
    if (stop) await stop();
  }
}

async function withDataSource<T>(config: AppConfig, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = await createDataSource(config).initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

async function withApp<T>(config: AppConfig, work: (get: <S>(cls: new (...args: never[]) => S) => S) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot({ ...config, logLevel: 'warn' }), { logger: ['error', 'warn'] });
  try {
    return await work((cls) => app.get(cls));
  } finally {
    await app.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'migrate':
      return withConfig(async (config) => {
        const applied = await runMigrations(config);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
        return 0;
      });
    case 'migration:check':
      return withConfig(async (config) => {
        await runMigrations(config);
        const pending = await pendingSchemaChanges(config);
        if (pending.length > 0) {
          console.error(`the entities and the migrated schema differ; a migration is missing:\n${pending.join(';\n')}`);
          return 1;
        }
        // every down must work, and up again must give the same schema
        const reverted = await revertAllMigrations(config);
        const [{ n }] = await withDataSource(config, (ds) =>
          ds.query<{ n: string }[]>(
            "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations'",
          ),
        );
        if (Number(n) !== 0) {
          console.error(`after reverting ${reverted.length} migrations, ${n} tables are left behind`);
          return 1;
        }
        await runMigrations(config);
        if ((await pendingSchemaChanges(config)).length > 0) {
          console.error('re-applying the migrations after reverting them gives a different schema');
          return 1;
        }
        console.log(`migrations match the entities; ${reverted.length} reverted and re-applied cleanly`);
        return 0;
      });
    case 'seed:demo':
      return withConfig(async (config) => {
        await runMigrations(config);
        const result = await withApp(config, async (get) => {
          const users = await get(DemoSeeder).seed();
          await get(PartnersService).seedDemo();
          const history = args.includes('--history') ? await get(DemoHistorySeeder).seed() : null;
          return { ...users, history };
        });
        console.log(result.seeded ? 'demo data seeded' : 'users exist already; org units refreshed, no demo users added');
        if (result.history) console.log(`demo year: ${result.history.cases} cases, ${result.history.tickets} tickets`);
        return 0;
      });
    case 'org-units:load': {
      if (!args[0]) throw new Error('org-units:load needs a file');
      const file = JSON.parse(await readFile(args[0], 'utf8')) as OrgUnitsFile;
      return withConfig((config) =>
        withApp(config, async (get) => {
          const changed = await get(OrgUnitsService).upsertAll(systemActor('cli:org-units:load'), orgUnitsFromFile(file));
          console.log(`${changed} org units created or updated`);
          return 0;
        }),
      );
    }
    case 'user:create': {
      const [username, displayName, roles, orgUnitCode] = args;
      const password = process.env.PASSWORD;
      if (!username || !displayName || !roles || !orgUnitCode || !password)
        throw new Error('user:create <username> <displayName> <roles> <orgUnitCode>, with PASSWORD set');
      return withConfig((config) =>
        withApp(config, async (get) => {
          const user = await get(UsersService).create(systemActor('cli:user:create'), {
            username,
            displayName,
            password,
            roles: roles.split(',') as Role[],
            orgUnitCode,
          });
          console.log(`created user ${user.username} (${user.id})`);
          return 0;
        }),
      );
    }
    case 'audit:verify':
      return withConfig((config) =>
        withApp(config, async (get) => {
          const chain = get(AuditChainService);
          await chain.sealPending({ fullScan: true });
          const result = await chain.verify();
          console.log(JSON.stringify(result, null, 2));
          return result.ok ? 0 : 1;
        }),
      );
    case 'calendar:load': {
      if (!args[0]) throw new Error('calendar:load needs a file');
      const schedule = JSON.parse(await readFile(args[0], 'utf8')) as ScheduleFile;
      return withConfig((config) =>
        withApp(config, async (get) => {
          const result = await get(CalendarLoader).load(systemActor('cli:calendar:load'), schedule);
          console.log(`${result.days} days loaded; deadlines of ${result.recomputed} open cases changed`);
          return 0;
        }),
      );
    }
    case 'hotline:early-warning':
    case 'hotline:sla-sweep':
      return withConfig((config) =>
        withApp(config, async (get) => {
          const t0 = performance.now();
          const result = command === 'hotline:sla-sweep' ? await get(HotlineSlaSweep).run() : await get(EarlyWarningService).run();
          console.log(JSON.stringify({ ...result, elapsedMs: Math.round(performance.now() - t0) }));
          return 0;
        }),
      );
    case 'metrics:rebuild': {
      const dryRun = args.includes('--dry-run');
      return withConfig((config) =>
        withApp(config, async (get) => {
          const report = await get(MetricsRebuildService).rebuild({ dryRun });
          if (!dryRun) await get(MetricsRollup).run();
          console.table(report.metrics);
          console.log(
            `${dryRun ? 'dry run: nothing changed; ' : 'counts rebuilt; '}sources ${report.sources.join(', ')}; total drift ${report.totalDrift}`,
          );
          return 0;
        }),
      );
    }
    case 'exchange:keygen': {
      const i = args.indexOf('--alg');
      const requested = i >= 0 ? args[i + 1] : 'ed25519';
      const alg = requested === 'sm2' ? 'sm2-sm3' : requested;
      if (!isSignatureAlgorithm(alg)) throw new Error('--alg must be ed25519 or sm2');
      const pair = generateExchangeKeyPair(alg);
      console.log(
        `EXCHANGE_ALGORITHM=${alg}\nEXCHANGE_PRIVATE_KEY=${pair.privateKey}\n# public key for partners (PUT /partners/:code keys[].publicKey):\n${pair.publicKey}`,
      );
      return 0;
    }
    case 'partners:load': {
      if (!args[0]) throw new Error('partners:load needs a file');
      const file = JSON.parse(await readFile(args[0], 'utf8')) as { partners?: (PartnerInput & { code: string })[] };
      if (!Array.isArray(file.partners)) throw new Error('the file has no "partners" list');
      return withConfig((config) =>
        withApp(config, async (get) => {
          for (const p of file.partners!) await get(PartnersService).put(systemActor('cli:partners:load'), p.code, p);
          console.log(`${file.partners!.length} partners created or updated`);
          return 0;
        }),
      );
    }
    case 'keys:generate':
      console.log(generateKeyRingValue(args[0] ?? 'k1'));
      return 0;
    default:
      console.log(HELP);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
