// Monaco, with only what the playground needs: the editor, JavaScript/TypeScript highlighting and
// its one worker, all bundled (no request leaves the page's origin).
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/basic-languages/javascript/javascript.contribution';
import 'monaco-editor/esm/vs/basic-languages/typescript/typescript.contribution';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };

export function languageOf(filename: string): string {
  return /\.[cm]?tsx?$/.test(filename) ? 'typescript' : 'javascript';
}

export function createEditor(element: HTMLElement, options: { value: string; language: string; readOnly?: boolean }) {
  return monaco.editor.create(element, {
    value: options.value,
    language: options.language,
    readOnly: options.readOnly ?? false,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    scrollBeyondLastLine: false,
    renderWhitespace: 'none',
    wordWrap: 'off',
  });
}

/** Offsets in a model to a Monaco range. */
export function rangeOf(model: monaco.editor.ITextModel, start: number, end: number): monaco.Range {
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  return new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
}
