import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

type Segment = { text: string; match: boolean };

/** Text with the words that match the search marked; built from ranges, never from HTML. */
@Component({
  selector: 'app-highlighted-text',
  template: `@for (segment of segments(); track $index) {@if (segment.match) {<mark>{{ segment.text }}</mark>} @else {{{ segment.text }}}}`,
  styles: `
    mark {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      border-radius: 2px;
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HighlightedText {
  readonly text = input.required<string>();
  readonly ranges = input<readonly (readonly [number, number])[]>([]);

  protected readonly segments = computed(() => splitByRanges(this.text(), this.ranges()));
}

export function splitByRanges(text: string, ranges: readonly (readonly [number, number])[]): Segment[] {
  const segments: Segment[] = [];
  let position = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < position || end <= start || end > text.length) continue;
    if (start > position) segments.push({ text: text.slice(position, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    position = end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), match: false });
  return segments;
}
