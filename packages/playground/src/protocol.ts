// The messages between the page and its workers, typed once for both sides.
//
//   page ──TransformRequest──▶ transform.worker ──TransformResponse──▶ page
//   page ──RunRequest────────▶ run.worker (one per run) ──RunMessage…──▶ page
import type { Diagnostic, SourceMap, Suspension } from '@yieldfrom/transformer';
import type { TraceEvent } from '@yieldfrom/runtime';

/** The options a user can change; the same names as transform()'s. */
export interface PlaygroundOptions {
  helpers: 'import' | 'inline';
  promise: 'intrinsic' | 'global';
  sourceType: 'module' | 'script' | 'unambiguous';
  /** Async functions inherit a stand-in %AsyncFunction.prototype% (for libraries that detect them by it). */
  asyncFunctionPrototype: boolean;
}

export const defaultOptions: PlaygroundOptions = { helpers: 'import', promise: 'intrinsic', sourceType: 'module', asyncFunctionPrototype: false };

/** What every request to the transform worker carries. */
export interface SourceInput {
  code: string;
  filename: string;
  options: PlaygroundOptions;
}

export type TransformRequest =
  /** Lower for display: the output pane, its map and the suspension table. */
  | ({ id: number; kind: 'lower' } & SourceInput)
  /** Prepare both programs of a run (see RunnablePair). */
  | ({ id: number; kind: 'prepare-run' } & SourceInput)
  /** How TypeScript and Babel lower the same code (loads both compilers on first use). */
  | ({ id: number; kind: 'compare' } & SourceInput);

export type Lowering = (
  | { ok: true; code: string; map: SourceMap; suspensions: Suspension[]; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[]; message: string }
) & {
  /** How long transform() took in the worker, suspensions included. */
  elapsedMs: number;
};

/**
 * The two programs a run executes, both plain JavaScript the browser can run: the original (types
 * stripped, JSX compiled) and the lowered one, whose helper import reads the run worker's runtime and
 * whose every `yield` from an `await` first reports its suspension's index (`__yieldfromAt(i, x)`).
 * `maps` lead from the lowered program back to the source, last map first to apply.
 */
export interface RunnablePair {
  native: string;
  lowered: string;
  maps: SourceMap[];
  isModule: boolean;
}

export interface Comparison {
  typescript: string;
  babel: string;
}

export type TransformResponse =
  | { id: number; kind: 'lower'; lowering: Lowering }
  | { id: number; kind: 'prepare-run'; lowering: Lowering; runnable?: RunnablePair; error?: string }
  | { id: number; kind: 'compare'; comparison: Comparison };

export interface RunRequest {
  code: string;
  /** Lowered code runs against the workspace runtime with a tracer; native code runs as written. */
  mode: 'lowered' | 'native';
  /** A module (dynamic import of a blob) or a classic script (indirect eval, sloppy mode). */
  isModule: boolean;
}

export interface ConsoleLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
}

/** Where an uncaught error was thrown, as the run worker saw it (1-based line and column). */
export interface ThrownError {
  message: string;
  position?: { line: number; column: number };
  /** A rejection nobody handled, rather than a synchronous throw. */
  inPromise: boolean;
}

export type RunMessage =
  | { type: 'console'; line: ConsoleLine }
  | { type: 'uncaught'; error: ThrownError }
  | { type: 'trace'; event: TracedEvent }
  | { type: 'done' };

/**
 * A runtime trace event as the timeline draws it: its value described as text, the microtask tick
 * and the macrotask turn it happened on, how many console lines were printed by then, and (for a
 * suspension and the resumption that follows it) the index of the `await` in the suspension table.
 */
export type TracedEvent = (
  | { type: 'create'; id: number; name: string }
  | { type: 'suspend'; id: number; value: string }
  | { type: 'resume'; id: number; value: string; threw: boolean }
  | { type: 'settle'; id: number; value: string; threw: boolean }
) & { tick: number; turn: number; order: number; consoleLength: number; suspension: number };

// The runtime's own event shape, which TracedEvent mirrors with its value described.
export type { TraceEvent };

/** The global through which a lowered run reads the run worker's runtime (prepare-run.ts binds it). */
export const runtimeGlobal = '__yieldfromRuntime';
/** The global a lowered run calls with each suspension's index just before it yields. */
export const suspensionMarker = '__yieldfromAt';
/** The JSX factory and fragment a run's compiled JSX calls (run.worker.ts defines both). */
export const jsxFactory = '__yieldfromJsx';
export const jsxFragment = '__yieldfromFragment';
