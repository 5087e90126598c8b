import type { Linter } from 'eslint';

/** The layer rules (see layers.js), one flat-config entry per layer. */
export declare const layerRules: Linter.Config[];
