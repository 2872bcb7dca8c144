import { execFileSync } from 'node:child_process';
import path from 'node:path';
import e2eGlobalSetup from '../utils/global-setup';

/** The e2e setup (server build, migrated template database), then the console build (skipped when unchanged). */
export default async function globalSetup(): Promise<void> {
  await e2eGlobalSetup();
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: path.resolve(__dirname, '../..'), stdio: 'inherit' });
}
