// @yieldfrom/transformer: lowers async/await to ES2015 generators driven by @yieldfrom/runtime.
export { transform } from './transform.js';
export type { TransformResult } from './transform.js';
export { normalizeOptions } from './options.js';
export type { TransformOptions, NormalizedOptions } from './options.js';
export { DiagnosticCodes, YieldfromError, formatDiagnostic } from './diagnostics.js';
export type { Diagnostic, DiagnosticCode, SourceLocation } from './diagnostics.js';
export type { SourceMap, Suspension, Range } from './source-map.js';
export { findAsyncSyntax } from './analyze/async-syntax.js';
export type { AsyncSyntaxSite } from './analyze/async-syntax.js';
