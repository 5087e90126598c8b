import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's data/ folder (units, criteria sets), found relative to this file. */
export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data');
