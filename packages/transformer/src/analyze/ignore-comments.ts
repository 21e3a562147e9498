// "page.evaluate(/* @yieldfrom-ignore */ async () => { await ready(); return title(); })"
//   => left exactly as written: a native async function.
// Code that sends a function's source text somewhere else to run (puppeteer's and playwright's
// `page.evaluate`, a worker made from `fn.toString()`, `chrome.scripting.executeScript({ func })`)
// needs it native there: lowered, its text names a generator and runtime helpers the other side does
// not have (docs/semantics.md B6). A `@yieldfrom-ignore` comment right before a function (or before
// the `export` of an exported declaration) keeps it and everything inside it as written.
import type * as t from '@babel/types';

const directive = '@yieldfrom-ignore';

export interface IgnoreComments {
  /** Whether `node` (whose parent is `parent`) is marked; marks the comment as used. */
  marks(node: t.Node, parent: t.Node | null): boolean;
  /** The comment that ends right before `position` (white space between), if any. */
  before(position: number): t.Comment | undefined;
  /** The comments that stand before no function, so change nothing. */
  unused(): t.Comment[];
}

export function ignoreComments(comments: t.Comment[] | null | undefined, code: string): IgnoreComments {
  // Keyed by where each comment ends: a function is marked when only white space lies between.
  const byEnd = new Map<number, t.Comment>();
  for (const comment of comments ?? []) if (comment.value.trim() === directive) byEnd.set(comment.end!, comment);
  const used = new Set<t.Comment>();
  const commentBefore = (start: number) => {
    let end = start;
    while (end > 0 && /\s/.test(code[end - 1]!)) end--;
    return byEnd.get(end);
  };
  return {
    marks(node, parent) {
      if (!byEnd.size) return false;
      const exported = parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration';
      const comment = commentBefore(node.start!) ?? (exported ? commentBefore(parent.start!) : undefined);
      if (comment) used.add(comment);
      return !!comment;
    },
    before: commentBefore,
    unused: () => [...byEnd.values()].filter((comment) => !used.has(comment)),
  };
}

// The methods of puppeteer and playwright (pages, frames, element handles, locators) that send a
// function's source text to the page and rebuild it there.
const sendsTextToPage = new Set(['evaluate', 'evaluateHandle', '$eval', '$$eval', 'waitForFunction', 'evaluateOnNewDocument', 'addInitScript']);

/**
 * For a function passed straight to one of those methods (`page.evaluate(async () => ...)`), the call
 * as written (`page.evaluate`), so that lowering it can be warned about; null otherwise.
 */
export function sentAsTextTo(parent: t.Node, parentKey: string, code: string): string | null {
  if ((parent.type !== 'CallExpression' && parent.type !== 'OptionalCallExpression') || parentKey !== 'arguments') return null;
  const callee = parent.callee;
  if ((callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') || callee.computed || callee.property.type !== 'Identifier') return null;
  if (!sendsTextToPage.has(callee.property.name)) return null;
  const written = code.slice(callee.start!, callee.end!);
  return written.length <= 40 && !written.includes('\n') ? written : callee.property.name;
}
