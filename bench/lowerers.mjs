// Every tool the benchmarks compare, configured to lower ONLY async, as the team's test262 runner
// configures them (shared/tools/test262/lowerers/*.mjs), in their synchronous form and with source maps
// on request:
//   yieldfrom   transform(), helpers inlined
//   babel       @babel/core with only transform-async-to-generator + transform-async-generator-functions
//   typescript  transpileModule at ES2016 (the newest target that still lowers async; it has no
//               per-feature switch, so it also lowers ES2017+ syntax such as ?. and class fields)
//   esbuild     transform with the three async features marked unsupported
//   swc         env.include of its two async transforms, targets modern enough to lower nothing else
// Each tool is imported only when first used, so a cold-start child process loads just its own.
//
//   const lower = await loadLowerer('babel');
//   const { code, map } = lower(source, { filename, sourceType: 'module' | 'script' | 'unambiguous', sourceMaps });
//   // map: the source map as JSON text, or null
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const toolNames = ['yieldfrom', 'babel', 'typescript', 'esbuild', 'swc'];
/** The package whose version names each tool. */
const packageOf = { yieldfrom: '@yieldfrom/transformer', babel: '@babel/core', typescript: 'typescript', esbuild: 'esbuild', swc: '@swc/core' };

export function toolVersion(tool) {
  return `${packageOf[tool]} ${require(`${packageOf[tool]}/package.json`).version}`;
}

const mapText = (map) => (map == null ? null : typeof map === 'string' ? map : JSON.stringify(map));

const loaders = {
  async yieldfrom() {
    const { transform } = await import('@yieldfrom/transformer');
    return (code, { filename, sourceType, sourceMaps = false }) => {
      const result = transform(code, { filename, sourceType, sourceMaps, helpers: 'inline' });
      return { code: result.code, map: mapText(result.map) };
    };
  },
  async babel() {
    const babel = (await import('@babel/core')).default;
    const plugins = [require('@babel/plugin-transform-async-to-generator'), require('@babel/plugin-transform-async-generator-functions')];
    return (code, { filename, sourceType, sourceMaps = false }) => {
      const result = babel.transformSync(code, {
        babelrc: false,
        configFile: false,
        browserslistConfigFile: false,
        filename,
        sourceType,
        plugins,
        sourceMaps,
        compact: false,
        comments: true,
        ast: false,
      });
      return { code: result.code, map: mapText(result.map) };
    };
  },
  async typescript() {
    const ts = (await import('typescript')).default;
    const common = {
      target: ts.ScriptTarget.ES2016,
      module: ts.ModuleKind.ESNext,
      allowJs: true,
      checkJs: false,
      importHelpers: false,
      noEmitHelpers: false,
      alwaysStrict: false,
      strict: false,
      removeComments: false,
      inlineSourceMap: false,
      useDefineForClassFields: true,
      esModuleInterop: false,
      verbatimModuleSyntax: false,
    };
    // Scripts: legacy detection keeps a file without import/export a script; modules: forced.
    const detection = { script: ts.ModuleDetectionKind.Legacy, module: ts.ModuleDetectionKind.Force, unambiguous: ts.ModuleDetectionKind.Legacy };
    return (code, { filename, sourceType, sourceMaps = false }) => {
      const result = ts.transpileModule(code, {
        fileName: filename,
        compilerOptions: { ...common, moduleDetection: detection[sourceType], sourceMap: sourceMaps },
        reportDiagnostics: true,
      });
      const error = (result.diagnostics ?? []).find((d) => d.category === ts.DiagnosticCategory.Error);
      if (error) throw new SyntaxError(`TS${error.code}: ${ts.flattenDiagnosticMessageText(error.messageText, ' ')}`);
      // transpileModule appends a sourceMappingURL comment when it writes a map: not part of the code.
      const text = sourceMaps ? result.outputText.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '') : result.outputText;
      return { code: text, map: result.sourceMapText ?? null };
    };
  },
  async esbuild() {
    const esbuild = await import('esbuild');
    const supported = { 'async-await': false, 'async-generator': false, 'for-await': false };
    // No `format`: esbuild then converts nothing (scripts stay scripts, ES modules stay ES modules).
    return (code, { filename, sourceMaps = false }) => {
      const result = esbuild.transformSync(code, { loader: 'js', sourcefile: filename, supported, logLevel: 'silent', charset: 'utf8', legalComments: 'inline', sourcemap: sourceMaps });
      return { code: result.code, map: sourceMaps ? result.map : null };
    };
  },
  async swc() {
    const swc = require('@swc/core');
    const isModule = { script: false, module: true, unambiguous: 'unknown' };
    return (code, { filename, sourceType, sourceMaps = false }) => {
      const result = swc.transformSync(code, {
        filename,
        swcrc: false,
        configFile: false,
        isModule: isModule[sourceType],
        sourceMaps,
        inputSourceMap: false,
        minify: false,
        jsc: { parser: { syntax: 'ecmascript' }, externalHelpers: false, loose: false },
        env: { targets: { node: '22' }, include: ['transform-async-to-generator', 'transform-async-generator-functions'] },
      });
      return { code: result.code, map: mapText(result.map) };
    };
  },
};

const loaded = new Map();
/** The tool's synchronous `lower(code, options)`, importing the tool on first use. */
export function loadLowerer(tool) {
  if (!loaders[tool]) throw new Error(`unknown tool ${tool}`);
  if (!loaded.has(tool)) loaded.set(tool, loaders[tool]());
  return loaded.get(tool);
}

/** Every tool's lower(), by name. */
export async function loadLowerers() {
  return Object.fromEntries(await Promise.all(toolNames.map(async (tool) => [tool, await loadLowerer(tool)])));
}
