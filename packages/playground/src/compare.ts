// How TypeScript and Babel lower the same code. Both compilers are large, so they load only when the
// Compare tab is first opened (separate chunks, from the page's own origin).
export async function compareLowerings(code: string, filename: string): Promise<{ typescript: string; babel: string }> {
  const [{ default: ts }, babel] = await Promise.all([import('typescript'), import('@babel/standalone')]);
  let typescript: string;
  try {
    typescript = ts.transpileModule(code, { fileName: filename, compilerOptions: { target: ts.ScriptTarget.ES2016, module: ts.ModuleKind.ESNext } }).outputText;
  } catch (error) {
    typescript = String(error);
  }
  let babelCode: string;
  try {
    const isTs = /\.[cm]?tsx?$/.test(filename);
    babelCode =
      babel.transform(code, {
        filename,
        presets: isTs ? [['typescript', { allExtensions: true }]] : [],
        plugins: ['transform-async-to-generator', 'transform-async-generator-functions'],
      }).code ?? '';
  } catch (error) {
    babelCode = String((error as Error).message);
  }
  return { typescript, babel: babelCode };
}
