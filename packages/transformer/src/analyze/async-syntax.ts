// Where a file still contains async syntax (for `yieldfrom --check` and the adapters' tests): async
// functions, arrows and methods, async generators, `await`, `for await` and `await using`. A function
// marked `@yieldfrom-ignore` (ignore-comments.ts) is kept native on purpose: neither it nor anything
// in it is listed.
import type * as t from '@babel/types';
import { normalizeOptions, type TransformOptions } from '../options.js';
import { parse } from '../parse.js';
import { YieldfromError } from '../diagnostics.js';
import { mayContainAsync } from '../async-words.js';
import { notChildren } from './children.js';
import { ignoreComments } from './ignore-comments.js';
import { isFunctionNode } from './functions.js';

export interface AsyncSyntaxSite {
  what: 'async function' | 'async generator' | 'await' | 'for await' | 'await using';
  /** 1-based line, 0-based column. */
  line: number;
  column: number;
}

const signaturesWithoutBody = new Set(['TSDeclareFunction', 'TSDeclareMethod']);

const isNode = (value: unknown): value is t.Node => !!value && typeof (value as t.Node).type === 'string';

/** Lists every piece of async syntax in `code`. Throws a YieldfromError if it does not parse. */
export function findAsyncSyntax(code: string, options?: TransformOptions): AsyncSyntaxSite[] {
  const { options: opts } = normalizeOptions(options);
  if (!mayContainAsync(code)) return [];
  const parsed = parse(code, opts);
  if ('diagnostic' in parsed) throw new YieldfromError([parsed.diagnostic]);
  const sites: AsyncSyntaxSite[] = [];
  const ignored = ignoreComments(parsed.ast.comments, code);
  const add = (what: AsyncSyntaxSite['what'], node: t.Node) => sites.push({ what, line: node.loc!.start.line, column: node.loc!.start.column });
  const visit = (node: t.Node, parent: t.Node | null) => {
    if (isFunctionNode(node) && ignored.marks(node, parent)) return;
    // A TypeScript overload or `declare` signature has no body: its `async` is erased with the types.
    if ('async' in node && node.async === true && !signaturesWithoutBody.has(node.type)) add('generator' in node && node.generator ? 'async generator' : 'async function', node);
    else if (node.type === 'AwaitExpression') add('await', node);
    else if (node.type === 'ForOfStatement' && node.await) add('for await', node);
    else if (node.type === 'VariableDeclaration' && (node.kind as string) === 'await using') add('await using', node);
    for (const [key, child] of Object.entries(node)) {
      if (notChildren.has(key) || !child || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) visit(item, node);
      } else if (isNode(child)) visit(child, node);
    }
  };
  visit(parsed.ast.program, null);
  return sites;
}
