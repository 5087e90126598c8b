import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerRules } from '../../eslint/layers.js';

// The layer rules of eslint/layers.js, run through ESLint's API on texts linted as if they were the file at
// `filePath`; nothing is written. Only the layer rules run (no type information needed, so this stays fast);
// the last test checks that the project's configuration applies them.
const RULES = new Set(['no-restricted-imports', '@typescript-eslint/no-restricted-imports']);

describe('layer rules', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({
      cwd: process.cwd(),
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser }, plugins: { '@typescript-eslint': tseslint.plugin } },
        ...layerRules,
      ],
    });
  });

  async function restricted(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return result!.messages.filter((m) => m.ruleId !== null && RULES.has(m.ruleId)).map((m) => m.message);
  }

  it('keep the domain free of the database, the server, the web and I/O', async () => {
    const file = 'src/domain/units/names.ts';
    expect(await restricted(file, "import { units } from '../../db/schema.ts';\nexport const x = units;\n")).toEqual([expect.stringMatching(/src\/domain/)]);
    expect(await restricted(file, "import fs from 'node:fs';\nexport const x = fs;\n")).toEqual([expect.stringMatching(/no I\/O/)]);
    expect(await restricted(file, "import { AppError } from '../../server/errors.ts';\nexport const x = AppError;\n")).toHaveLength(1);
    expect(await restricted(file, "import { sql } from 'drizzle-orm';\nexport const x = sql;\n")).toHaveLength(1);
    expect(await restricted(file, "import { DomainError } from '../errors.ts';\nexport const x = DomainError;\n")).toEqual([]);
  });

  it('keep the database layer from importing the server or the web', async () => {
    const file = 'src/db/migrate.ts';
    expect(await restricted(file, "import { statusFor } from '../server/errors.ts';\nexport const x = statusFor;\n")).toEqual([
      expect.stringMatching(/src\/db/),
    ]);
    expect(await restricted(file, "import { DomainError } from '../domain/errors.ts';\nexport const x = DomainError;\n")).toEqual([]);
  });

  it('keep SQL in src/db: no query builder or driver in the server or the seed', async () => {
    expect(await restricted('src/server/units/service.ts', "import { sql } from 'drizzle-orm';\nexport const x = sql;\n")).toEqual([
      expect.stringMatching(/src\/db/),
    ]);
    expect(await restricted('src/seed/demo.ts', "import pg from 'pg';\nexport const x = pg;\n")).toHaveLength(1);
  });

  it('keep the server and the file interchange from reaching back into the seed', async () => {
    const code = "import { seedDemo } from '../../seed/demo.ts';\nexport const x = seedDemo;\n";
    expect(await restricted('src/server/units/service.ts', code)).toEqual([expect.stringMatching(/seed/)]);
    expect(await restricted('src/interchange/criteria/files.ts', code)).toHaveLength(1);
    expect(await restricted('src/seed/units.ts', "import { DATA_DIR } from '../paths.ts';\nexport const x = DATA_DIR;\n")).toEqual([]);
  });

  it('let the web take only types from the contracts, and nothing else of the server', async () => {
    const file = 'src/web/format.ts';
    const contract = '../server/units/schema.ts';
    expect(await restricted(file, `import { newHamletBody } from '${contract}';\nexport const x = newHamletBody;\n`)).toEqual([
      expect.stringMatching(/import type/),
    ]);
    expect(await restricted(file, `import type { newHamletBody } from '${contract}';\nexport type X = typeof newHamletBody;\n`)).toEqual([]);
    expect(await restricted(file, "import type { addHamlet } from '../server/units/service.ts';\nexport type X = typeof addHamlet;\n")).toHaveLength(1);
    expect(await restricted(file, "import { openDatabase } from '../db/client.ts';\nexport const x = openDatabase;\n")).toHaveLength(1);
  });

  it('keep a contract (schema.ts) to zod, the domain and other contracts', async () => {
    const file = 'src/server/units/schema.ts';
    expect(await restricted(file, "import { addHamlet } from './service.ts';\nexport const x = addHamlet;\n")).toEqual([expect.stringMatching(/contract/)]);
    expect(await restricted(file, "import { findUnitAsOf } from '../../db/repos/units.ts';\nexport const x = findUnitAsOf;\n")).toHaveLength(1);
    expect(
      await restricted(file, "import { nameKey } from '../../domain/units/names.ts';\nimport { z } from 'zod';\nexport const x = [nameKey, z];\n"),
    ).toEqual([]);
  });

  it('are part of the project’s configuration', async () => {
    const project = new ESLint({ cwd: process.cwd() });
    for (const file of ['src/domain/units/names.ts', 'src/db/migrate.ts', 'src/server/units/schema.ts', 'src/server/units/service.ts']) {
      const config = (await project.calculateConfigForFile(file)) as { rules: Record<string, unknown> };
      expect(config.rules['no-restricted-imports'], file).toEqual(expect.arrayContaining([2]));
    }
  });
});
