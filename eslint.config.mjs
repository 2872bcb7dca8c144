import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import { readdirSync } from 'node:fs';

// Layer rules (architecture.md, "Layout"): a lib reaches another only through its public face — @app/<lib>
// (src/index.ts), or the framework-free parts @app/<ctx>/domain and @app/kernel/{calendar,identifiers,money} — never
// into its persistence/, http/ or any other file; domain/ is plain TypeScript.
const libs = readdirSync(new URL('./libs', import.meta.url));
const PUBLIC_FACES = ['./index.ts', './domain/index.ts', './calendar/index.ts', './identifiers/index.ts', './money/index.ts'];
const libZones = libs.flatMap((target) =>
  libs
    .filter((from) => from !== target)
    .map((from) => ({
      target: `./libs/${target}/src`,
      from: `./libs/${from}/src`,
      except: PUBLIC_FACES,
      message: `libs/${target} may use libs/${from} only through its public face: import from '@app/${from}' (or '@app/${from}/domain' in domain code).`,
    })),
);
const appZones = ['api', 'worker', 'cli'].flatMap((app) =>
  libs.map((from) => ({
    target: `./apps/${app}/src`,
    from: `./libs/${from}/src`,
    except: PUBLIC_FACES,
    message: `apps/${app} may use libs/${from} only through '@app/${from}'.`,
  })),
);

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'apps/console/**',
      'bench/**',
      'scripts/**',
      'eslint.config.mjs',
      'jest.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import/no-cycle': ['error', { maxDepth: 10 }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    rules: { 'import/no-restricted-paths': ['error', { zones: [...libZones, ...appZones] }] },
  },
  {
    files: ['libs/*/src/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['typeorm', '@nestjs/*', 'pg', 'bullmq', 'ioredis', 'fastify', '@fastify/*'],
              allowTypeImports: true,
              message: 'domain/ is plain TypeScript: no framework, database or queue (types only, with `import type`).',
            },
            {
              regex: '(^|/)(persistence|http|jobs)(/|$)|^\\.\\./(?!domain/)',
              message: 'domain/ imports only other domain/ files: rules must not reach into persistence, http, jobs or services.',
            },
            {
              regex: '^@app/(?![a-z]+/domain$|kernel/(calendar|identifiers|money)$)',
              allowTypeImports: true,
              message:
                "a lib's barrel re-exports Nest modules and entities: domain/ imports values only from '@app/<ctx>/domain' or '@app/kernel/{calendar,identifiers,money}' (types with `import type`).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/cli/**/*.ts', 'test/**/*.ts', '**/*.spec.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
