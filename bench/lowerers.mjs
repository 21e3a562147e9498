// Every tool the benchmarks compare, configured to lower only async (as the team's test262 runner
// configures them): yieldfrom, Babel's two async plugins, TypeScript at ES2016, esbuild with the
// three async features off, and SWC's two async transforms.
import { createRequire } from 'node:module';
import { transform } from '@yieldfrom/transformer';
import babel from '@babel/core';
import ts from 'typescript';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const version = (name) => require(`${name}/package.json`).version;

export const lowerers = {
  yieldfrom: {
    version: `@yieldfrom/transformer ${version('@yieldfrom/transformer')}`,
    lower: (code, { filename, sourceMaps = false, script = false }) =>
      transform(code, { filename, sourceMaps, helpers: 'inline', sourceType: script ? 'script' : 'unambiguous' }),
  },
  babel: {
    version: `@babel/core ${version('@babel/core')}`,
    lower: (code, { filename, sourceMaps = false, script = false }) =>
      babel.transformSync(code, {
        filename,
        babelrc: false,
        configFile: false,
        sourceType: script ? 'script' : 'unambiguous',
        sourceMaps,
        plugins: ['@babel/plugin-transform-async-to-generator', '@babel/plugin-transform-async-generator-functions'],
      }),
  },
  typescript: {
    version: `typescript ${ts.version}`,
    lower: (code, { filename, sourceMaps = false }) => {
      const out = ts.transpileModule(code, { fileName: filename, compilerOptions: { target: ts.ScriptTarget.ES2016, module: ts.ModuleKind.ESNext, sourceMap: sourceMaps, allowJs: true } });
      return { code: out.outputText, map: out.sourceMapText ?? null };
    },
  },
  esbuild: {
    version: `esbuild ${esbuild.version}`,
    lower: (code, { sourceMaps = false }) =>
      esbuild.transformSync(code, { loader: 'js', sourcemap: sourceMaps, supported: { 'async-await': false, 'async-generator': false, 'for-await': false } }),
  },
  swc: {
    version: `@swc/core ${version('@swc/core')}`,
    lower: (code, { filename, sourceMaps = false, script = false }) =>
      swc.transformSync(code, {
        filename,
        sourceMaps,
        isModule: script ? false : 'unknown',
        jsc: { parser: { syntax: 'ecmascript', jsx: false }, externalHelpers: false },
        env: { targets: { node: '22' }, include: ['transform-async-to-generator', 'transform-async-generator-functions'] },
      }),
  },
};
