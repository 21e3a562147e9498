// What `yieldfrom a.js src 'lib/**/*.ts'` means: files as given, directories walked for script files
// (skipping node_modules and dot-folders), globs matched below their fixed prefix. Each input keeps
// the path `--out-dir` writes it to: below the directory or the glob's prefix, or, for a file named
// on its own, its name alone (as Babel's CLI does), so `a.js sub/b.js -o lib` gives lib/a.js, lib/b.js.
import fs from 'node:fs';
import path from 'node:path';

export interface InputFile {
  path: string;
  /** The path under the output directory. */
  relative: string;
}

const scriptFile = /\.(?:[cm]?[jt]sx?)$/;
const globCharacters = /[*?[\]{}]/;

function walk(dir: string, skip: string | undefined, visit: (file: string) => void) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== skip) walk(full, skip, visit);
    } else if (entry.isFile()) visit(full);
  }
}

/** `src/**\/*.ts` -> a regular expression over paths relative to `src`. */
function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      pattern += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') pattern += '[^/]*';
    else if (ch === '?') pattern += '[^/]';
    else if (ch === '{') {
      const end = glob.indexOf('}', i);
      pattern += `(?:${glob.slice(i + 1, end).split(',').map((s) => s.replace(/[.+^$()|\\]/g, '\\$&')).join('|')})`;
      i = end;
    } else pattern += ch.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

/**
 * Expands the command line's inputs; throws an Error naming an input that yields no file. Directories
 * and globs skip `outDir` (absolute): an output directory inside the input is not lowered again on the
 * next run.
 */
export function expandInputs(inputs: string[], cwd: string, { outDir }: { outDir?: string } = {}): InputFile[] {
  const files = new Map<string, InputFile>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    if (globCharacters.test(input)) {
      const parts = input.split(/[\\/]/);
      const fixed = parts.slice(0, parts.findIndex((p) => globCharacters.test(p)));
      const base = path.resolve(cwd, fixed.join('/') || '.');
      const matcher = globToRegExp(parts.slice(fixed.length).join('/'));
      let matched = 0;
      if (fs.existsSync(base)) {
        walk(base, outDir, (file) => {
          const relative = path.relative(base, file).split(path.sep).join('/');
          if (matcher.test(relative)) {
            matched++;
            files.set(file, { path: file, relative });
          }
        });
      }
      if (!matched) throw new Error(`no files match ${input}`);
    } else if (fs.existsSync(absolute) && fs.statSync(absolute).isDirectory()) {
      let found = 0;
      walk(absolute, outDir, (file) => {
        if (!scriptFile.test(file)) return;
        found++;
        files.set(file, { path: file, relative: path.relative(absolute, file) });
      });
      if (!found) throw new Error(`no files to lower in ${input} (looked for .js .mjs .cjs .jsx .ts .mts .cts .tsx files, skipping node_modules and dot-folders)`);
    } else if (fs.existsSync(absolute)) {
      files.set(absolute, { path: absolute, relative: path.basename(absolute) });
    } else {
      throw new Error(`no such file or directory: ${input}`);
    }
  }
  return [...files.values()];
}

const packageTypes = new Map<string, 'module' | 'commonjs'>();

/** The `type` of the package.json nearest to `file` (`"commonjs"` when there is none), as Node reads it. */
export function packageTypeOf(file: string): 'module' | 'commonjs' {
  const dir = path.dirname(file);
  let type = packageTypes.get(dir);
  if (type) return type;
  const manifest = path.join(dir, 'package.json');
  if (fs.existsSync(manifest)) {
    try {
      type = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { type?: unknown }).type === 'module' ? 'module' : 'commonjs';
    } catch {
      type = 'commonjs';
    }
  } else {
    type = path.dirname(dir) === dir ? 'commonjs' : packageTypeOf(dir);
  }
  packageTypes.set(dir, type);
  return type;
}
