import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import zlib from 'node:zlib';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { CRITERIA_TEMPLATE_FILE, CRITERIA_TEMPLATE_URL } from './src/web/pages/sets/template.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Serves the Excel template of data/criteria/templates at CRITERIA_TEMPLATE_URL (copied into the build; no copy in git). */
function criteriaTemplate(): Plugin {
  const source = path.join(here, 'data/criteria/templates', CRITERIA_TEMPLATE_FILE);
  return {
    name: 'chungsuc-criteria-template',
    configureServer(server) {
      server.middlewares.use(CRITERIA_TEMPLATE_URL, (_req, res) => {
        res.setHeader('Content-Type', XLSX_TYPE);
        fs.createReadStream(source).pipe(res);
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: CRITERIA_TEMPLATE_URL.slice(1), source: fs.readFileSync(source) });
    },
  };
}

// The staff web app lives in src/web and is built into dist/web, which the API server serves.
export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [
    react(),
    criteriaTemplate(),
    // Every text asset also as .br and .gz beside it, compressed once at build at the highest level; the server
    // sends the one the browser accepts (communes are on slow mobile connections).
    compression({
      algorithms: [defineAlgorithm('brotliCompress', { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }), defineAlgorithm('gzip', { level: 9 })],
      threshold: 512,
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // Communes are on slow connections: keep chunks small and warn when one grows.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // React changes less often than the app: its own chunk stays cached across releases.
        codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
