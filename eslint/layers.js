// Layer rules: which part of the code may import which. Kept apart from eslint.config.js so that the rules
// read as one table; test/unit/layers.test.ts checks each with a forbidden import.
//
//   domain  pure rules and types: imports nothing of db, server, web, seed, interchange, and no I/O module
//   db      the only place with SQL (elsewhere no query builder or driver): imports no server or web code
//   contracts (src/server/*/schema.ts, src/server/contracts.ts): zod, the domain and other contracts only,
//           so that the web can import their types
//   web     the domain and the contracts only, and the contracts as `import type`

const NODE_IO = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'worker_threads', 'dgram', 'cluster', 'os', 'process'].flatMap((m) => [
  m,
  `node:${m}`,
]);
const SERVER_LIBS = ['fastify', 'fastify-*', '@fastify/*', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', 'argon2', 'exceljs', 'piscina'];

const layer = (name) => [`**/${name}`, `**/${name}/**`, `**/${name}.ts`];

const domain = {
  files: ['src/domain/**/*.ts'],
  ignores: ['src/domain/**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: NODE_IO.map((name) => ({ name, message: 'src/domain has no I/O: pass data in from the caller.' })),
        patterns: [
          {
            group: ['db', 'server', 'web', 'seed', 'interchange'].flatMap(layer),
            message: 'src/domain imports only the domain (layers: see eslint/layers.js).',
          },
          { group: [...SERVER_LIBS, 'react', 'react-*', 'antd'], message: 'src/domain is pure TypeScript: no database, HTTP or UI library.' },
        ],
      },
    ],
  },
};

// SQL only in src/db: elsewhere no query builder or driver, so a query cannot be written outside a repository.
const DRIVERS = ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*'];
const sqlOnlyInDb = { group: DRIVERS, message: 'SQL lives in src/db only: add a function to a repository in src/db/repos.' };
const outsideDb = {
  files: ['src/seed/**/*.ts', 'src/*.ts'],
  rules: { 'no-restricted-imports': ['error', { patterns: [sqlOnlyInDb] }] },
};

// The seed loads data through the server's services; the server never reaches back into the seed.
const serverAndInterchange = {
  files: ['src/server/**/*.ts', 'src/interchange/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [sqlOnlyInDb, { group: layer('seed'), message: 'The server and the file interchange do not import the seed (the seed uses them).' }] },
    ],
  },
};

const db = {
  files: ['src/db/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: ['server', 'web', 'seed', 'interchange'].flatMap(layer), message: 'src/db imports no server, web, seed or interchange code.' }] },
    ],
  },
};

// Regular expressions rather than globs: a glob cannot let one file back in under a folder it excludes.
// After the leading ./ or ../: the domain, a schema.ts, contracts.ts or (until contracts.ts exists) common.ts.
const NOT_A_CONTRACT_IMPORT = String.raw`^\.{1,2}/(?!(?:\.\./)*domain/)(?!(?:\.\./)?(?:[^/]+/)?schema\.ts$)(?!contracts\.ts$)(?!common\.ts$)`;

const CONTRACT = String.raw`(?:^|/)server/(?:[^/]+/schema|contracts)\.ts$`;
const SERVER_NOT_CONTRACT = String.raw`(?:^|/)server/(?!(?:[^/]+/schema|contracts)\.ts$)`;

const contracts = {
  files: ['src/server/*/schema.ts', 'src/server/contracts.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: NOT_A_CONTRACT_IMPORT,
            message: 'A contract (schema.ts) imports only zod, src/domain, other schema.ts files and src/server/contracts.ts.',
          },
          { group: [...SERVER_LIBS, 'react', 'react-*'], message: 'A contract (schema.ts) imports only zod and the domain.' },
        ],
      },
    ],
  },
};

const web = {
  files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: NODE_IO.map((name) => ({ name, message: 'The web app runs in the browser.' })),
        patterns: [
          { regex: CONTRACT, allowTypeImports: true, message: 'The web takes only types from the contracts: use `import type`.' },
          {
            regex: SERVER_NOT_CONTRACT,
            message: 'The web imports only src/domain and the contracts (src/server/*/schema.ts, src/server/contracts.ts).',
          },
          { group: ['db', 'seed', 'interchange'].flatMap(layer), message: 'The web imports only src/domain and the contracts.' },
          { group: SERVER_LIBS, message: 'Server libraries do not belong in the browser bundle.' },
        ],
      },
    ],
  },
};

// Later entries win for a file that two match (the contracts are also server files).
export const layerRules = [domain, outsideDb, serverAndInterchange, db, contracts, web];
