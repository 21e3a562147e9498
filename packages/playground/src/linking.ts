// Links the source and the output: every `await` and the `yield` it became share a colour band, and
// hovering or putting the cursor on either highlights both (from `suspensions`). Anywhere else, the
// source map finds the counterpart of the token under the pointer or cursor.
import { GREATEST_LOWER_BOUND, LEAST_UPPER_BOUND, TraceMap, generatedPositionFor, originalPositionFor } from '@jridgewell/trace-mapping';
import type { SourceMap, Suspension } from '@yieldfrom/transformer';
import { monaco, rangeOf, tokenRangeAt, type Editor } from './editor';

export const bandCount = 6;
type Side = 'source' | 'output';

export class Linker {
  suspensions: Suspension[] = [];
  private map: TraceMap | null = null;
  private selected = -1;
  private hovered = -1;
  /** The token last linked through the map, so pointer moves within it do no work. */
  private lastLinked = '';
  private readonly bands: Record<Side, monaco.editor.IEditorDecorationsCollection>;
  private readonly mapped: Record<Side, monaco.editor.IEditorDecorationsCollection>;
  private readonly editors: Record<Side, Editor>;

  constructor(source: Editor, output: Editor) {
    this.editors = { source, output };
    this.bands = { source: source.createDecorationsCollection(), output: output.createDecorationsCollection() };
    this.mapped = { source: source.createDecorationsCollection(), output: output.createDecorationsCollection() };
    for (const side of ['source', 'output'] as const) {
      const editor = this.editors[side];
      editor.onDidChangeCursorPosition((event) => {
        if (event.source === 'api' && side === 'output') return;
        this.pointAt(side, event.position, 'cursor');
      });
      editor.onMouseMove((event) => this.pointAt(side, event.target.position, 'hover'));
      editor.onMouseLeave(() => {
        this.hovered = -1;
        this.decorate();
      });
    }
  }

  /** Shows a new lowering; the output editor's text must already be `code`. */
  show(suspensions: Suspension[], map: SourceMap | null) {
    this.suspensions = suspensions;
    this.map = map ? new TraceMap(map as never) : null;
    this.selected = Math.min(this.selected, suspensions.length - 1);
    this.hovered = -1;
    this.lastLinked = '';
    this.mapped.source.clear();
    this.mapped.output.clear();
    this.decorate();
  }

  /** The suspension highlighted now (hover wins over the cursor), or -1. */
  get active(): number {
    return this.hovered >= 0 ? this.hovered : this.selected;
  }

  select(index: number, { reveal = true } = {}) {
    this.selected = index;
    this.decorate();
    const suspension = this.suspensions[index];
    if (!suspension || !reveal) return;
    for (const side of ['source', 'output'] as const) {
      const { start, end } = suspension[side];
      this.editors[side].revealRangeInCenterIfOutsideViewport(rangeOf(this.editors[side].getModel()!, start, end));
    }
  }

  /** Moves the source cursor to the next (1) or previous (-1) suspension point, wrapping around. */
  jump(direction: 1 | -1) {
    if (!this.suspensions.length) return;
    const source = this.editors.source;
    const offset = source.getModel()!.getOffsetAt(source.getPosition()!);
    const order = this.suspensions.map((s, index) => ({ index, start: s.source.start })).sort((a, b) => a.start - b.start);
    const next = direction === 1 ? (order.find((s) => s.start > offset) ?? order[0]!) : ([...order].reverse().find((s) => s.start < offset) ?? order[order.length - 1]!);
    source.setPosition(source.getModel()!.getPositionAt(next.start));
    this.select(next.index);
    source.focus();
  }

  private pointAt(side: Side, position: monaco.Position | null, how: 'hover' | 'cursor') {
    if (!position) return;
    const model = this.editors[side].getModel()!;
    const offset = model.getOffsetAt(position);
    const index = this.suspensions.findIndex((s) => s[side].start <= offset && offset < Math.max(s[side].end, s[side].start + 1));
    const before = this.active;
    if (how === 'hover') this.hovered = index;
    else this.selected = index;
    // Redecorating every band on every mouse move would be wasted work in a long file.
    if (this.active !== before) this.decorate();
    if (index >= 0) {
      this.lastLinked = '';
      this.mapped.source.clear();
      this.mapped.output.clear();
    } else {
      this.linkThroughMap(side, position);
    }
  }

  /** Highlights the token under `position` and its counterpart on the other side, found through the map. */
  private linkThroughMap(side: Side, position: monaco.Position) {
    const here = tokenRangeAt(this.editors[side].getModel()!, position.lineNumber, position.column);
    const key = `${side}:${here?.toString() ?? ''}`;
    if (key === this.lastLinked) return;
    this.lastLinked = key;
    const there = here && this.counterpart(side, here);
    if (!here || !there) {
      this.mapped.source.clear();
      this.mapped.output.clear();
      return;
    }
    const other: Side = side === 'source' ? 'output' : 'source';
    const options = { inlineClassName: 'mapped-token' };
    this.mapped[side].set([{ range: here, options }]);
    this.mapped[other].set([{ range: there, options }]);
  }

  private counterpart(side: Side, token: monaco.Range): monaco.Range | null {
    if (!this.map) return null;
    const line = token.startLineNumber;
    const column = token.startColumn - 1;
    if (side === 'source') {
      const source = this.map.sources[0] ?? '';
      let found = generatedPositionFor(this.map, { source, line, column, bias: LEAST_UPPER_BOUND });
      if (found.line !== null && found.line !== undefined) {
        const back = originalPositionFor(this.map, { line: found.line, column: found.column! });
        if (back.line !== line) found = generatedPositionFor(this.map, { source, line, column, bias: GREATEST_LOWER_BOUND });
      }
      if (found.line === null || found.line === undefined) return null;
      return tokenRangeAt(this.editors.output.getModel()!, found.line, found.column! + 1);
    }
    const original = originalPositionFor(this.map, { line, column });
    if (original.line === null || original.line === undefined) return null;
    return tokenRangeAt(this.editors.source.getModel()!, original.line, original.column! + 1);
  }

  private decorate() {
    const active = this.active;
    for (const side of ['source', 'output'] as const) {
      const model = this.editors[side].getModel()!;
      const other = side === 'source' ? 'yield' : 'await';
      this.bands[side].set(
        this.suspensions.map((s, index) => {
          const band = index % bandCount;
          const isActive = index === active;
          const name = s.functionName ? `\`${s.functionName}\`` : 'an anonymous function';
          return {
            range: rangeOf(model, s[side].start, s[side].end),
            options: {
              inlineClassName: `band band-${band}${isActive ? ' suspension-active' : ''}`,
              linesDecorationsClassName: `band-gutter band-${band}`,
              hoverMessage: { value: `Suspension ${index + 1} of ${this.suspensions.length}, in ${name}: linked to the \`${other}\` on the other side (line ${s[side === 'source' ? 'output' : 'source'].line})` },
              overviewRuler: { color: `var(--band-${band}-solid)`, position: monaco.editor.OverviewRulerLane.Center },
              stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
            },
          };
        })
      );
    }
  }
}
