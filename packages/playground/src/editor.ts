// Monaco with what the playground needs: the editor with its standard contributions (find, folding,
// hover, bracket matching, marker navigation, the diff editor), JavaScript/TypeScript highlighting
// and its one worker, all bundled so no request leaves the page's origin. No language service: the
// diagnostics shown are yieldfrom's own, and the first load stays small.
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/editor/editor.all';
import 'monaco-editor/esm/vs/basic-languages/javascript/javascript.contribution';
import 'monaco-editor/esm/vs/basic-languages/typescript/typescript.contribution';
import 'monaco-editor/esm/vs/basic-languages/python/python.contribution'; // the countdown's twins
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
export type Editor = monaco.editor.IStandaloneCodeEditor;

export function languageOf(filename: string): string {
  return /\.[cm]?tsx?$/.test(filename) ? 'typescript' : 'javascript';
}

export function createEditor(element: HTMLElement, options: { value: string; language: string; readOnly?: boolean; ariaLabel: string }): Editor {
  return monaco.editor.create(element, {
    value: options.value,
    language: options.language,
    readOnly: options.readOnly ?? false,
    ariaLabel: options.ariaLabel,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    wordWrap: 'off',
    renderLineHighlight: 'line',
    fixedOverflowWidgets: true,
    hover: { delay: 250 },
    stickyScroll: { enabled: false },
    ...(options.readOnly ? { domReadOnly: true, readOnlyMessage: { value: 'The lowered output is read-only: edit the source on the left.' } } : {}),
  });
}

/** Offsets in a model to a Monaco range. */
export function rangeOf(model: monaco.editor.ITextModel, start: number, end: number): monaco.Range {
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  return new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
}

/** The word (or the single character) at a 1-based line and column, as a range. */
export function tokenRangeAt(model: monaco.editor.ITextModel, lineNumber: number, column: number): monaco.Range | null {
  if (lineNumber < 1 || lineNumber > model.getLineCount()) return null;
  const maxColumn = model.getLineMaxColumn(lineNumber);
  const at = Math.min(Math.max(column, 1), maxColumn);
  const word = model.getWordAtPosition({ lineNumber, column: at });
  if (word && word.startColumn <= at) return new monaco.Range(lineNumber, word.startColumn, lineNumber, word.endColumn);
  if (at >= maxColumn) return null;
  return new monaco.Range(lineNumber, at, lineNumber, at + 1);
}
