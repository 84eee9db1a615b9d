import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Built straight into the jar's classes; `npm run dev` proxies the API to a running `photosearch serve`.
export default defineConfig({
  plugins: [react()],
  build: { outDir: '../target/classes/web', emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:7070' } },
  test: { globals: true, environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'] },
});
