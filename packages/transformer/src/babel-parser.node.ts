// Babel's parser, for Node: loaded with `require`. Importing the package (CommonJS) from an ES module
// makes Node scan its 500 kB for named exports first, which cost every build that uses the plugin,
// and every CLI run, about 30 to 100 ms more than `require` (bench/profile.mjs, start-up table).
// Browsers and bundlers take babel-parser.ts instead (package.json "imports": "#babel-parser").
import { createRequire } from 'node:module';
import type * as BabelParser from '@babel/parser';

export const { parse } = createRequire(import.meta.url)('@babel/parser') as typeof BabelParser;
