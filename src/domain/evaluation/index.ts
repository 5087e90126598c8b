export * from './types.ts';
export * from './compile.ts';
export * from './encode.ts';
export * from './evaluate.ts';
export * from './explain.ts';
export * from './ladder.ts';
export * from './summary.ts';
