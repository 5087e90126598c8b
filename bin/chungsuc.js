#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the sources are the program (no separate server build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
