// Parsing only the top-level statements that can hold async syntax (`parseOnlyAsyncStatements`, set
// by the build plugins, whose host parses and checks every file itself). The other statements become
// blanks of the same length and the same number of line breaks, so every position the parser reports
// is the original's. A blank is an empty statement and a block comment, which the parser skips with
// one search:
//
//   "export function add(a, b) { return a + b; }\nexport async function f() { await g(); }"
//   parsed as
//   ";/*                                       */\nexport async function f() { await g(); }"
//
// Babel's parser, cold in a fresh build process, reads about 2.5 MB/s, so parsing the whole of every
// file with an `async` in it was most of what the plugin added to a build. The statements are found
// by a scan that knows strings, comments, templates, regular expressions and bracket depth, and
// splits only where a statement certainly ends: a `;`, or a `}` followed by a word that cannot
// continue an expression, at depth 0, and the line ends there. A syntax error in a blanked statement
// is then the host's to report (it parses every file), at the same line and column as in the
// original: no lowering edit touches those lines, and the first statement, before which the helpers'
// import goes, is always parsed, with the directive prologue. The scan stops after the last statement with async
// syntax: the rest is left out, unread. Whatever it cannot read with certainty before that (a quote
// left open on its line, unbalanced brackets, or JSX, whose text may hold anything) makes it give up, and the
// file is parsed whole; so does any parse error in the blanked text, which then gets its diagnostic
// from a whole parse. Names in blanked statements still reach the analysis, from their text
// (`unparsed`).
import { asyncSyntaxPositions } from './async-words.js';
import { lineEnd } from './text.js';

/** Words after a top-level `}` that continue the statement it is in, rather than start another. */
const continuesAfterBrace = new Set(['in', 'instanceof', 'of', 'as', 'satisfies', 'else', 'catch', 'finally', 'while', 'extends', 'implements', 'from', 'with', 'assert']);

/** Words after which a `/` starts a regular expression rather than a division. */
const beforeExpression = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'extends']);

/** What a statement opens with, past comments: a quote (a directive?), or import or export syntax. */
const opening = /\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(['"]|(?:import|export)\b(?!\s*[(.]))?/y;

// The scan steps from one character that matters to it (a quote, a backtick, a `/` that opens no
// comment, a bracket, a `;`) to the next with one match of `passOver`, rather than a character at a
// time: a loop over every character made V8 compile the scan with its optimizing compiler in every
// build process, which alone cost a `vite build` with the plugin about 35 million instructions (0.6%).
const trivia = String.raw`\s+|\/\/[^\n\r\u2028\u2029]*|\/\*[\s\S]*?\*\/`;
// Words (names, keywords, numbers, `#private`, `\u` escapes) and the punctuation that does not matter.
const word = String.raw`[^\s!"%&'()*+,\-./:;<=>?@[\]^${'`'}{|}~]+`;
const punctuation = String.raw`[!%&*+,\-.:=>?@^|~]`;
/**
 * White space, comments, words and punctuation that do not matter. The last group that matched tells
 * what came last, for a `/` that follows: a word (group 1, as a division comes after a name but a
 * regular expression after `return`), or punctuation (group 2: a regular expression).
 */
const passOver = new RegExp(`(?:${trivia}|(${word})(?:${trivia})*|(${punctuation})(?:${trivia})*)*`, 'y');
/** The word after a top-level `}`, past white space and comments, if a word comes next. */
const wordAfter = new RegExp(`(?:${trivia})*(${word})?`, 'y');

/**
 * Offsets where top-level statements certainly end, in order, or `null` when the scan cannot be sure
 * of the file's structure. With `stopAfter`, the scan ends at the first end past that offset: what
 * follows is then one piece, unread.
 */
export function topLevelStatementEnds(code: string, stopAfter = Infinity): number[] | null {
  const ends: number[] = [];
  const templateDepths: number[] = [];
  const length = code.length;
  let depth = 0;
  let regexAllowed = true;
  let i = code.startsWith('#!') ? lineEnd(code, 0) : 0;
  while (i < length) {
    passOver.lastIndex = i;
    const passed = passOver.exec(code)!;
    if (passed[0].length) {
      i = passOver.lastIndex;
      if (passed[1] !== undefined) regexAllowed = beforeExpression.has(passed[1]);
      else if (passed[2] !== undefined) regexAllowed = true;
      if (i >= length) break;
    }
    const c = code.charCodeAt(i);
    switch (c) {
      case 39: // '
      case 34: {
        // "
        const end = stringEnd(code, i, c);
        if (end < 0) return null;
        i = end;
        regexAllowed = false;
        continue;
      }
      case 96: {
        // `
        const end = templateEnd(code, i + 1);
        if (end < 0) return null;
        if (code.charCodeAt(end - 1) === 123 /* { of ${ */) {
          templateDepths.push(++depth);
          regexAllowed = true;
        } else {
          regexAllowed = false;
        }
        i = end;
        continue;
      }
      case 47: {
        // A comment that passOver did not take never closes.
        if (code.charCodeAt(i + 1) === 42) return null;
        if (regexAllowed) {
          const end = regexEnd(code, i + 1);
          if (end < 0) return null;
          i = end;
          regexAllowed = false;
        } else {
          i++;
          regexAllowed = true;
        }
        continue;
      }
      case 60: // <
        // Where an expression may start, `<` and a name (or `>`) open JSX, whose text is no code: a `;`
        // or a quote there means nothing. (It may be a TypeScript `<T>` too: giving up costs a parse.)
        if (regexAllowed && /[\p{ID_Start}$_>\\]/u.test(code[i + 1] ?? '')) return null;
        regexAllowed = true;
        i++;
        continue;
      case 40: // (
      case 91: // [
      case 123: // {
        depth++;
        regexAllowed = true;
        i++;
        continue;
      case 41: // )
      case 93: // ]
        if (--depth < 0) return null;
        regexAllowed = false;
        i++;
        continue;
      case 125: {
        // }
        if (templateDepths.length && templateDepths[templateDepths.length - 1] === depth) {
          // The end of a `${…}` substitution: the template's text goes on.
          templateDepths.pop();
          depth--;
          const end = templateEnd(code, i + 1);
          if (end < 0) return null;
          if (code.charCodeAt(end - 1) === 123) templateDepths.push(++depth);
          regexAllowed = code.charCodeAt(end - 1) === 123;
          i = end;
          continue;
        }
        if (--depth < 0) return null;
        regexAllowed = true;
        i++;
        if (depth === 0) {
          // A statement ends at a top-level `}` followed by a word that cannot go on with it.
          wordAfter.lastIndex = i;
          const next = wordAfter.exec(code)![1];
          if (next !== undefined && !continuesAfterBrace.has(next)) {
            pushLineEnd(code, i, ends);
            if (ends[ends.length - 1]! > stopAfter) return ends;
          }
        }
        continue;
      }
      case 59: // ;
        if (depth === 0) {
          pushLineEnd(code, i + 1, ends);
          if (ends[ends.length - 1]! > stopAfter) return ends;
        }
        regexAllowed = true;
        i++;
        continue;
      default:
        // Not reached: passOver stops only at the characters above.
        regexAllowed = true;
        i++;
    }
  }
  return depth === 0 && templateDepths.length === 0 ? ends : null;
}

/**
 * The text the parser reads: top-level statements that spell no `async`, `await` or `yield` (nor a
 * `\u` escape, which could spell them) blanked, or cut off when they end the file, and the blanked
 * ranges. The first statement and the
 * directive prologue stay, and so does everything when the scan cannot be sure.
 */
export function blankStatementsWithoutAsync(
  code: string,
  asyncSyntaxAt: readonly number[] = asyncSyntaxPositions(code),
  { findModuleSyntax = false } = {}
): { text: string; unparsed: [number, number][]; blankedModuleSyntax: boolean } {
  // Past the statement with the last async syntax, everything is blanked: the scan stops there, unless
  // the caller must know whether blanked statements import or export, which it checks one by one.
  const ends = topLevelStatementEnds(code, findModuleSyntax ? Infinity : (asyncSyntaxAt[asyncSyntaxAt.length - 1] ?? -1));
  const unparsed: [number, number][] = [];
  let blankedModuleSyntax = false;
  if (!ends) return { text: code, unparsed, blankedModuleSyntax };
  const pieces: string[] = [];
  const onlyLineFeeds = code.indexOf('\r') < 0 && code.indexOf('\u2028') < 0 && code.indexOf('\u2029') < 0;
  let start = 0;
  let next = 0;
  let directivesMayFollow = true;
  for (const end of [...ends, code.length]) {
    if (end === start) continue;
    while (next < asyncSyntaxAt.length && asyncSyntaxAt[next]! < start) next++;
    const hasAsyncSyntax = next < asyncSyntaxAt.length && asyncSyntaxAt[next]! < end;
    opening.lastIndex = start;
    const opensWith: string | undefined = hasAsyncSyntax && !directivesMayFollow ? undefined : opening.exec(code)?.[1];
    // The first statement is always parsed: the helpers' import goes before it. So is
    // the directive prologue, with the statement that ends it: blanking that one would make directives
    // of strings after it.
    const inPrologue = directivesMayFollow;
    directivesMayFollow &&= opensWith === '"' || opensWith === "'";
    if (hasAsyncSyntax || inPrologue) {
      pieces.push(code.slice(start, end));
    } else {
      // The text simply ends before a blanked last piece: nothing after it needs its position.
      if (end < code.length) blank(code, start, end, pieces, onlyLineFeeds);
      const last = unparsed[unparsed.length - 1];
      if (last && last[1] === start) last[1] = end;
      else unparsed.push([start, end]);
      if (opensWith === 'import' || opensWith === 'export') blankedModuleSyntax = true;
    }
    start = end;
  }
  return { text: pieces.join(''), unparsed, blankedModuleSyntax };
}

/**
 * Pushes a stand-in for `code` from `start` to `end` (a run of whole lines): as long, with as many line
 * breaks, all at its end so that the next statement starts its line as in the original. It is an
 * empty statement and, when there is room, a block comment, which the parser skips with one search
 * rather than a character at a time.
 */
function blank(code: string, start: number, end: number, pieces: string[], onlyLineFeeds: boolean) {
  let lineBreaks = 0;
  if (onlyLineFeeds) {
    for (let i = code.indexOf('\n', start); i >= 0 && i < end; i = code.indexOf('\n', i + 1)) lineBreaks++;
  } else {
    for (let i = start; i < end; i++) {
      const c = code.charCodeAt(i);
      if (c === 13 && code.charCodeAt(i + 1) === 10) continue; // counted at its \n
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) lineBreaks++;
    }
  }
  // It opens with `;`: the statement it stands for ended the one before it, which without it could
  // run on into the next kept one (`f = async () => await x` then `(g)()` would be a call of `x`).
  const rest = end - start - lineBreaks;
  pieces.push(rest >= 5 ? `;/*${' '.repeat(rest - 5)}*/` : `;${' '.repeat(rest - 1)}`, '\n'.repeat(lineBreaks));
}

/**
 * Records a statement end at `at` if only blanks or a line comment follow it on its line, as the
 * start of the next line: statements are then whole lines, so a syntax error the host finds in a
 * blanked one has the same line and column in the lowered text as in the original.
 */
function pushLineEnd(code: string, at: number, ends: number[]) {
  let i = at;
  while (code.charCodeAt(i) === 32 || code.charCodeAt(i) === 9) i++;
  if (code.charCodeAt(i) === 47 && code.charCodeAt(i + 1) === 47) i = lineEnd(code, i);
  const c = code.charCodeAt(i);
  if (c === 13 && code.charCodeAt(i + 1) === 10) i++;
  else if (c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029) return;
  if (ends[ends.length - 1] !== i + 1) ends.push(i + 1);
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 36 || c === 95 || c === 35 || c === 92 || c > 127;
}

/** The offset after the string opening at `start`, or -1 if a line ends first. */
function stringEnd(code: string, start: number, quote: number): number {
  for (let i = start + 1; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === quote) return i + 1;
    if (c === 92) i++; // an escape, a line continuation included
    else if (c === 10 || c === 13) return -1;
  }
  return -1;
}

/** The offset after a template's closing backtick or after its next `${`, or -1. */
function templateEnd(code: string, from: number): number {
  for (let i = from; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 96) return i + 1;
    if (c === 92) i++;
    else if (c === 36 && code.charCodeAt(i + 1) === 123) return i + 2;
  }
  return -1;
}

/** The offset after a regular expression's flags, its body starting at `from`, or -1. */
function regexEnd(code: string, from: number): number {
  let inClass = false;
  for (let i = from; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 10 || c === 13) return -1;
    if (c === 92) i++;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      let end = i + 1;
      while (end < code.length && isWordCode(code.charCodeAt(end))) end++;
      return end;
    }
  }
  return -1;
}
