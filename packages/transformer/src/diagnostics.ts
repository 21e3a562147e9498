// The one registry of diagnostics. Every code is declared here once; tests check codes, not text.

export const DiagnosticCodes = {
  /** The input does not parse. */
  SYNTAX_ERROR: 'YF1001',
  /** `await` (or `for await`) at module top level: a module cannot become a generator. */
  TOP_LEVEL_AWAIT: 'YF1002',
  /** `await` in a parameter default of an async function. */
  AWAIT_IN_PARAMETERS: 'YF1003',
  /** A construct yieldfrom does not lower yet (named in the message). */
  UNSUPPORTED: 'YF1004',
  /** An option has a value of the wrong kind. */
  INVALID_OPTION: 'YF2001',
  /** An option name yieldfrom does not know (a warning: the option is ignored). */
  UNKNOWN_OPTION: 'YF2002',
  /** A build plugin lowered a file, but the runtime module it imports cannot be resolved from there. */
  RUNTIME_UNRESOLVED: 'YF2003',
  /** Direct `eval` inside an async arrow sees the lowered generator's `arguments`/`new.target`. */
  EVAL_IN_ASYNC_ARROW: 'YF3001',
  /**
   * The file imports a package that tells async functions from callback-style ones by their tag
   * (the `async` package), and its async functions are lowered without `asyncFunctionPrototype`.
   */
  ASYNC_FUNCTIONS_DETECTED_BY_TAG: 'YF3002',
  /** A `@yieldfrom-ignore` comment that stands before no function, so keeps nothing as written. */
  IGNORE_COMMENT_UNUSED: 'YF3003',
  /**
   * An async function passed to a method that runs it elsewhere from its source text (puppeteer's or
   * playwright's `page.evaluate`) is lowered: its text calls helpers that are not there.
   */
  SENT_AS_TEXT: 'YF3004',
  /** A bug in yieldfrom: the input was valid but could not be lowered. Please report it. */
  INTERNAL_ERROR: 'YF9001',
} as const;

export type DiagnosticCode = (typeof DiagnosticCodes)[keyof typeof DiagnosticCodes];

export interface SourceLocation {
  /** 1-based line. */
  line: number;
  /** 0-based column, as Babel and source maps count. */
  column: number;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning';
  message: string;
  filename: string;
  /** Where in the input; absent for option errors. */
  loc?: SourceLocation;
  /** The lines around `loc` with a caret, ready to print. */
  frame?: string;
}

/** Builds a diagnostic with its code frame. `code` is the whole input, for the frame. */
export function createDiagnostic(
  code: DiagnosticCode,
  message: string,
  where: { filename: string; source?: string; loc?: SourceLocation; severity?: 'error' | 'warning' }
): Diagnostic {
  const diagnostic: Diagnostic = { code, severity: where.severity ?? 'error', message: escapeControls(message), filename: where.filename };
  if (where.loc) {
    diagnostic.loc = where.loc;
    if (where.source !== undefined) {
      diagnostic.frame = codeFrame(where.source, where.loc.line, where.loc.column);
    }
  }
  return diagnostic;
}

// Control characters (but tab) as they would reach a terminal: a NUL or an escape sequence in a file
// (or in a parser message quoting one) would print as nothing, or be obeyed.
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Control characters in a message as `\u` escapes: "Unexpected character '\u0000'". */
function escapeControls(text: string): string {
  return text.replace(controls, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Control characters in a line of a code frame as one visible character each (U+2400 + code, U+2421 for DEL, U+FFFD for C1), so the caret still lines up. */
function showControls(text: string): string {
  return text.replace(controls, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}

/** What ends a line of source text, as JavaScript counts lines. */
export const lineBreak = /\r\n|[\n\r\u2028\u2029]/;

/**
 * The warnings a face shows for one file: transform() also returns the options' own (an unknown
 * name, YF2002) with every file, which a face shows once, when it reads its options.
 */
export function fileWarnings(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code !== DiagnosticCodes.UNKNOWN_OPTION);
}

/**
 * Two lines either side of `line` (1-based), with a caret under `column` (0-based), as
 * @babel/code-frame prints them without colours (but for long lines, below): ours because loading that
 * package (and its syntax highlighter) cost every build that uses the plugin about 30 ms, for an error path.
 *   codeFrame("a;\nawait x;\nb;", 2, 0) => "  1 | a;\n> 2 | await x;\n    | ^\n  3 | b;"
 */
export function codeFrame(source: string, line: number, column: number): string {
  const lines = source.split(lineBreak);
  const first = Math.max(line - 3, 0);
  const last = Math.min(lines.length, line + 2);
  const width = String(last).length;
  // A long line (a minified file's one line) is shown as a window around the column, every line of
  // the frame through the same window, so the frame stays a few lines however long the line is.
  const errorLine = lines[line - 1] ?? '';
  const from = errorLine.length > frameWidth ? Math.max(0, Math.min(column - frameWidth / 2, errorLine.length - frameWidth)) : 0;
  const clip = (text: string) =>
    from === 0 && text.length <= frameWidth ? text : `${from > 0 ? '…' : ''}${text.slice(from, from + frameWidth)}${text.length > from + frameWidth ? '…' : ''}`;
  return lines
    .slice(first, last)
    .map((raw, index) => {
      // Same length as the raw line, so the window and the caret are where they were.
      const text = showControls(raw);
      const number = first + 1 + index;
      const gutter = ` ${String(number).padStart(width)} |`;
      const body = text.length > 0 ? ` ${clip(text)}` : '';
      if (number !== line) return ` ${gutter}${body}`;
      // Tabs stay tabs, so the caret lines up however wide the reader's tabs are.
      const indent = `${from > 0 ? ' ' : ''}${text.slice(from, column).replace(/[^\t]/g, ' ')}`;
      return `>${gutter}${body}\n ${gutter.replace(/\d/g, ' ')} ${indent}^`;
    })
    .join('\n');
}

/** The most characters of a line a code frame shows. */
const frameWidth = 120;

/** `file:line:column: error YF1001: message` followed by the code frame. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const filename = escapeControls(diagnostic.filename);
  const where = diagnostic.loc ? `${filename}:${diagnostic.loc.line}:${diagnostic.loc.column + 1}` : filename;
  const head = `${where}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`;
  return diagnostic.frame ? `${head}\n${diagnostic.frame}` : head;
}

/** Thrown by `transform` when the input cannot be lowered; nothing half-lowered is ever returned. */
export class YieldfromError extends Error {
  readonly code: DiagnosticCode;
  readonly diagnostic: Diagnostic;
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n\n'));
    this.name = 'YieldfromError';
    this.diagnostics = diagnostics;
    this.diagnostic = diagnostics[0]!;
    this.code = this.diagnostic.code;
  }
}
