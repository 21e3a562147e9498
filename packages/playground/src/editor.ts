// Monaco with what the playground needs: the editor with the contributions that need no language
// service (find, folding, hover, bracket matching, marker navigation, the diff editor), JavaScript/TypeScript highlighting
// and its one worker, all bundled so no request leaves the page's origin. No language service: the
// diagnostics shown are yieldfrom's own, and the first load stays small.
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
// The editor contributions that work without a language service (editor.all would add code actions,
// suggestions, rename, semantic tokens and more: a fifth of the first load, for nothing here).
import 'monaco-editor/esm/vs/editor/browser/coreCommands';
import 'monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget';
import 'monaco-editor/esm/vs/editor/browser/widget/diffEditor/diffEditor.contribution';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/esm/vs/editor/contrib/caretOperations/browser/caretOperations';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment';
import 'monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController';
import 'monaco-editor/esm/vs/editor/contrib/folding/browser/folding';
import 'monaco-editor/esm/vs/editor/contrib/fontZoom/browser/fontZoom';
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/esm/vs/editor/contrib/lineSelection/browser/lineSelection';
import 'monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/esm/vs/editor/contrib/smartSelect/browser/smartSelect';
import 'monaco-editor/esm/vs/editor/contrib/tokenization/browser/tokenization';
import 'monaco-editor/esm/vs/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/esm/vs/editor/contrib/wordPartOperations/browser/wordPartOperations';
import 'monaco-editor/esm/vs/editor/contrib/readOnlyMessage/browser/contribution';
import 'monaco-editor/esm/vs/editor/common/standaloneStrings';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles';
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
