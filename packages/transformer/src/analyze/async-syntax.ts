// Where a file still contains async syntax (for `yieldfrom --check` and the adapters' tests): async
// functions, arrows and methods, async generators, `await`, `for await` and `await using`.
import { VISITOR_KEYS } from '@babel/types';
import type * as t from '@babel/types';
import { normalizeOptions, type TransformOptions } from '../options.js';
import { parse } from '../parse.js';
import { YieldfromError } from '../diagnostics.js';

export interface AsyncSyntaxSite {
  what: 'async function' | 'async generator' | 'await' | 'for await' | 'await using';
  /** 1-based line, 0-based column. */
  line: number;
  column: number;
}

const visitorKeys = VISITOR_KEYS as Record<string, readonly string[]>;

/**
 * The cheap filter every face applies before parsing: a file that spells neither `async` nor `await`
 * has nothing to lower. A RegExp (not only a function) so hosts can run it natively as a hook filter.
 */
export const asyncWords = /\basync\b|\bawait\b/;

/** True when `code` may contain async syntax (it spells `async` or `await`). */
export function mayContainAsync(code: string): boolean {
  return asyncWords.test(code);
}

/** Lists every piece of async syntax in `code`. Throws a YieldfromError if it does not parse. */
export function findAsyncSyntax(code: string, options?: TransformOptions): AsyncSyntaxSite[] {
  const { options: opts } = normalizeOptions(options);
  if (!mayContainAsync(code)) return [];
  const parsed = parse(code, opts);
  if ('diagnostic' in parsed) throw new YieldfromError([parsed.diagnostic]);
  const sites: AsyncSyntaxSite[] = [];
  const add = (what: AsyncSyntaxSite['what'], node: t.Node) => sites.push({ what, line: node.loc!.start.line, column: node.loc!.start.column });
  const visit = (node: t.Node) => {
    if ('async' in node && node.async === true) add('generator' in node && node.generator ? 'async generator' : 'async function', node);
    else if (node.type === 'AwaitExpression') add('await', node);
    else if (node.type === 'ForOfStatement' && node.await) add('for await', node);
    else if (node.type === 'VariableDeclaration' && (node.kind as string) === 'await using') add('await using', node);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) for (const item of child) if (item && typeof item === 'object' && 'type' in item) visit(item as t.Node);
      if (child && typeof child === 'object' && !Array.isArray(child) && 'type' in child) visit(child as t.Node);
    }
  };
  visit(parsed.ast.program);
  return sites;
}
