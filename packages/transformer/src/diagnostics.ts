// The one registry of diagnostics. Every code is declared here once; tests check codes, not text.
import { codeFrameColumns } from '@babel/code-frame';

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
  const diagnostic: Diagnostic = { code, severity: where.severity ?? 'error', message, filename: where.filename };
  if (where.loc) {
    diagnostic.loc = where.loc;
    if (where.source !== undefined) {
      diagnostic.frame = codeFrameColumns(
        where.source,
        { start: { line: where.loc.line, column: where.loc.column + 1 } },
        { highlightCode: false, linesAbove: 2, linesBelow: 2 }
      );
    }
  }
  return diagnostic;
}

/** `file:line:column: error YF1001: message` followed by the code frame. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.loc
    ? `${diagnostic.filename}:${diagnostic.loc.line}:${diagnostic.loc.column + 1}`
    : diagnostic.filename;
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
