import path from 'node:path';
import { defineConfig } from 'vitest/config';

// React without @vitejs/plugin-react: Vite 8 compiles TSX itself (oxc, automatic runtime). The plugin only adds
// fast refresh for the dev server, and its optional peers conflict with the server's babel in one lockfile.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: process.env.CONSOLE_OUT_DIR ?? path.resolve(import.meta.dirname, '../../dist/console'),
    emptyOutDir: true,
    target: 'es2022',
    // Pages are lazy routes: the login screen loads only React, the router and the antd parts it uses; ECharts
    // arrives with the dashboard.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // antd marks its modules "use client" (for React Server Components); meaningless in a browser bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    testTimeout: 20_000,
  },
});
