// Small random edits of source text, for the mutated-input tests: delete a token, insert one of the
// tokens async lowering cares about, or repeat one of the file's own. Most results do not parse; the
// ones that do are the near-valid programs a user has open in an editor or a build mid-change.
import { random } from './random.js';

// Space, names (with `#`), numbers, quoted strings on one line, then the multi-character punctuators
// an edit should not split, then any other character.
const token = /\s+|[A-Za-z_$#][\w$]*|\d+(?:\.\d+)?|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|=>|\.\.\.|\?\.|\?\?|\S/g;

const insertions = [
  'async ', 'await ', 'yield ', '*', 'function ', '=>', '(', ')', '{', '}', ';', ',', '[', ']', '.', '=', '?', ':',
  'for ', 'of ', 'return ', 'super', 'this', 'arguments', 'new.target', 'new ', 'class ', 'static ', '#x', ' x ',
  'let ', 'const ', 'var ', 'get ', 'set ', 'eval', 'delete ', 'break', 'continue', 'L: ', 'try {', 'catch ',
  'finally', 'import(', '\n', '"use strict";', '/* @yieldfrom-ignore */',
];

/** `text` with one to three random token edits; the same seed gives the same text. */
export function mutateSource(text: string, seed: number): string {
  const { chance, pick, below } = random(seed);
  const tokens = text.match(token) ?? [];
  const edits = chance(0.6) ? 1 : 1 + below(3);
  for (let edit = 0; edit < edits; edit++) {
    const at = below(tokens.length + 1);
    if (chance(0.35)) tokens.splice(at, 1);
    else if (chance(0.6)) tokens.splice(at, 0, pick(insertions));
    else if (tokens.length) tokens.splice(at, 0, pick(tokens));
  }
  return tokens.join('');
}

// What a formatter, a minifier or a person puts between tokens: nothing the grammar reads, but a line
// break where automatic semicolon insertion meets it (`return` then a line break returns nothing).
const layout = [' ', '\n', '\n\n    ', '/* c */', '/*\n*/', '// c\n', '\t'];

/** `text` with spaces, line breaks and comments put between random tokens; the same seed gives the same text. */
export function reformatSource(text: string, seed: number): string {
  const { pick, below } = random(seed);
  const tokens = text.match(token) ?? [];
  const insertions = 1 + below(12);
  for (let insertion = 0; insertion < insertions; insertion++) tokens.splice(below(tokens.length + 1), 0, pick(layout));
  return tokens.join('');
}
