// Small scanners over the original text, for the few token positions the AST does not record (the
// `async` keyword, a parameter list's parenthesis, an arrow's `=>`). They skip comments and white space.

/** The index of the first character at or after `index` that is not white space or inside a comment. */
export function skipTrivia(code: string, index: number): number {
  for (;;) {
    const ch = code.charCodeAt(index);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 0xa0 || ch === 0xfeff || ch === 0x2028 || ch === 0x2029 || ch === 11 || ch === 12) {
      index++;
    } else if (ch === 47 /* / */ && code.charCodeAt(index + 1) === 47) {
      while (index < code.length && !/[\n\r\u2028\u2029]/.test(code[index]!)) index++;
    } else if (ch === 47 && code.charCodeAt(index + 1) === 42 /* * */) {
      const end = code.indexOf('*/', index + 2);
      index = end < 0 ? code.length : end + 2;
    } else if (ch > 127 && /\s/.test(code[index]!)) {
      index++;
    } else {
      return index;
    }
  }
}

/** Finds `token` from `index` on, skipping trivia and the characters in `skippable`. */
export function findToken(code: string, index: number, token: string, skippable = ''): number {
  for (;;) {
    index = skipTrivia(code, index);
    if (index >= code.length) throw new Error(`internal: expected "${token}"`);
    if (code.startsWith(token, index)) return index;
    if (skippable.includes(code[index]!)) {
      index++;
      continue;
    }
    throw new Error(`internal: expected "${token}" at ${index}, found "${code.slice(index, index + 10)}"`);
  }
}

/** The index of the keyword `word` as a whole token, scanning tokens forward from `index`. */
export function findKeyword(code: string, index: number, word: string, limit: number): number {
  while (index < limit) {
    index = skipTrivia(code, index);
    const match = /^[\w$]+|^./.exec(code.slice(index, index + 64));
    if (!match) break;
    if (match[0] === word) return index;
    index += match[0].length;
  }
  throw new Error(`internal: keyword "${word}" not found`);
}

/** The index of the line break that ends the line `from` is on (or the text's length). */
export function lineEnd(code: string, from: number): number {
  for (let i = from; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return i;
  }
  return code.length;
}

/** `name` (an identifier) as regular-expression source: `$` is the only character of one that means something there. */
export function nameSource(name: string): string {
  return name.replace(/\$/g, '\\$');
}

/** Whether `text` spells the identifier `name` as a whole word, not as part of a longer name. */
export function spellsName(text: string, name: string): boolean {
  return new RegExp(`(?<![\\w$])${nameSource(name)}(?![\\w$])`).test(text);
}

export function hasLineBreak(code: string, from: number, to: number): boolean {
  return /[\n\r\u2028\u2029]/.test(code.slice(from, to));
}

const identifierPattern = /^[A-Za-z_$][\w$]*$/;
const reservedWords = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(' ')
);

export function isIdentifierName(name: string): boolean {
  return identifierPattern.test(name);
}

/** A valid binding name derived from `name` ("#x" → "x", "my name" → "my_name"). */
export function toIdentifier(name: string): string {
  let id = name.replace(/^#/, '').replace(/[^\w$]/g, '_');
  if (!id || /^\d/.test(id)) id = `_${id}`;
  if (reservedWords.has(id)) id = `_${id}`;
  return id;
}

/** A property key and the matching member access: `f` / `.f`, or `"my name"` / `["my name"]`. */
export function propertyAccess(name: string): { key: string; access: string } {
  return isIdentifierName(name) ? { key: name, access: `.${name}` } : { key: JSON.stringify(name), access: `[${JSON.stringify(name)}]` };
}

/** `";"` when the text before `index` is a directive without its semicolon (ASI would not insert one). */
export function separatorAfterDirective(code: string, index: number, hasDirective: boolean): string {
  return hasDirective && code[index - 1] !== ';' ? ';' : '';
}
