import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Prints the script tag's real cost (React, @rill/* and the CSS are all inside it) after every build. */
function reportSize(): Plugin {
  let outDir = 'dist';
  return {
    name: 'rill-widget-size',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const file = readFileSync(join(outDir, 'rill-widget.js'));
      console.log(
        `\nrill-widget.js: ${kib(file.length)} raw, ${kib(gzipSync(file, { level: 9 }).length)} gzip, ${kib(brotliCompressSync(file).length)} brotli`,
      );
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [react(), reportSize()],
  // Bundle the workspace packages from their sources: no `pnpm build` needed first.
  resolve: { conditions: ['rill-source', ...defaultClientConditions] },
  // Library builds leave process.env to the consumer; a script tag has none, so React's production build is chosen here.
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  build: {
    target: 'es2022',
    lib: { entry: 'src/main.ts', name: 'RillWidget', formats: ['iife'], fileName: () => 'rill-widget.js' },
  },
  // Tests load @rill/ui's stylesheet from the workspace's sources, outside this app's root.
  server: { fs: { allow: ['../..'] } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
}));
