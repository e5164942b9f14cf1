import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', environment: 'node', include: ['test/integration/**/*.test.ts'], testTimeout: 60_000 } },
      { extends: true, test: { name: 'component', environment: 'jsdom', include: ['test/component/**/*.test.tsx'], setupFiles: ['test/component/setup.ts'], testTimeout: 30_000 } },
      { extends: true, test: { name: 'e2e', environment: 'node', include: ['test/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
