// The coroutines of a run as lanes, one per coroutine instance: created, suspended on an awaited
// value, resumed (with a value or an error), settled. x is the order of events, labelled by tick.
import type { TracedEvent } from './protocol';

const colors: Record<string, string> = { create: '#8250df', suspend: '#bf8700', resume: '#0969da', settle: '#1a7f37' };

export function drawTimeline(svg: SVGSVGElement, events: TracedEvent[], onSelect: (event: TracedEvent, index: number) => void): void {
  svg.replaceChildren();
  if (!events.length) return;
  const lanes = [...new Set(events.map((e) => e.id))];
  const names = new Map(events.filter((e) => e.type === 'create').map((e) => [e.id, (e as { name: string }).name]));
  const laneHeight = 22;
  const left = 140;
  const step = Math.max(8, Math.min(28, (svg.clientWidth - left - 20) / events.length || 12));
  svg.setAttribute('height', String(lanes.length * laneHeight + 30));
  svg.setAttribute('width', String(Math.max(svg.clientWidth, left + events.length * step + 20)));
  const ns = 'http://www.w3.org/2000/svg';
  lanes.forEach((id, lane) => {
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', '4');
    label.setAttribute('y', String(lane * laneHeight + 16));
    label.textContent = `#${id} ${names.get(id) ?? ''}`;
    svg.append(label);
    const line = document.createElementNS(ns, 'line');
    line.setAttribute('x1', String(left));
    line.setAttribute('x2', String(left + events.length * step));
    line.setAttribute('y1', String(lane * laneHeight + 12));
    line.setAttribute('y2', String(lane * laneHeight + 12));
    line.setAttribute('stroke', '#8888');
    svg.append(line);
  });
  events.forEach((event, index) => {
    const circle = document.createElementNS(ns, 'circle');
    circle.setAttribute('cx', String(left + index * step + step / 2));
    circle.setAttribute('cy', String(lanes.indexOf(event.id) * laneHeight + 12));
    circle.setAttribute('r', '5');
    circle.setAttribute('fill', event.type === 'settle' && (event as { threw: boolean }).threw ? '#cf222e' : colors[event.type]!);
    circle.dataset.index = String(index);
    const title = document.createElementNS(ns, 'title');
    title.textContent = `${event.type} #${event.id} at tick ${event.tick}${'value' in event ? `: ${String(event.value)}` : ''}`;
    circle.append(title);
    circle.addEventListener('click', () => {
      svg.querySelectorAll('circle.selected').forEach((c) => c.classList.remove('selected'));
      circle.classList.add('selected');
      onSelect(event, index);
    });
    svg.append(circle);
  });
  const axis = document.createElementNS(ns, 'text');
  axis.setAttribute('x', String(left));
  axis.setAttribute('y', String(lanes.length * laneHeight + 24));
  axis.textContent = `${events.length} events over ${events[events.length - 1]!.tick} microtask ticks`;
  svg.append(axis);
}
