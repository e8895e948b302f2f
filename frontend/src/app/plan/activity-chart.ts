import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type ChartSeries = { label: string; colour: string };
export type ChartBar = { label: string; title: string; values: number[] };

/**
 * Stacked columns in SVG, one per bar (a month, an objective), with a legend and a text alternative:
 * the figures are also in a visually hidden table for screen readers.
 */
@Component({
  selector: 'app-activity-chart',
  template: `
    <figure class="chart">
      <svg [attr.viewBox]="'0 0 ' + width + ' ' + height" role="img" [attr.aria-label]="caption()" preserveAspectRatio="xMidYMid meet">
        @for (tick of ticks(); track tick.value) {
          <line [attr.x1]="left" [attr.x2]="width" [attr.y1]="tick.y" [attr.y2]="tick.y" class="grid" />
          <text [attr.x]="left - 6" [attr.y]="tick.y + 4" text-anchor="end" class="tick">{{ tick.value }}</text>
        }
        @for (bar of layout(); track $index) {
          @for (segment of bar.segments; track $index) {
            <rect [attr.x]="bar.x" [attr.y]="segment.y" [attr.width]="bar.width" [attr.height]="segment.height" [attr.fill]="segment.colour">
              <title>{{ bar.title }} : {{ segment.value }} {{ segment.label }}</title>
            </rect>
          }
          <text [attr.x]="bar.x + bar.width / 2" [attr.y]="height - 6" text-anchor="middle" class="label">{{ bar.label }}</text>
        }
      </svg>
      <figcaption>
        <span class="caption">{{ caption() }}</span>
        @for (item of series(); track item.label) {
          <span class="legend"><span class="swatch" [style.background]="item.colour"></span>{{ item.label }}</span>
        }
      </figcaption>
      <table class="visually-hidden">
        <caption>{{ caption() }}</caption>
        <thead>
          <tr>
            <th scope="col">Période</th>
            @for (item of series(); track item.label) {
              <th scope="col">{{ item.label }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (bar of bars(); track $index) {
            <tr>
              <th scope="row">{{ bar.title }}</th>
              @for (value of bar.values; track $index) {
                <td>{{ value }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </figure>
  `,
  styles: `
    .chart {
      margin: 8px 0 16px;
    }
    svg {
      width: 100%;
      max-width: 720px;
      height: auto;
      display: block;
    }
    .grid {
      stroke: var(--mat-sys-outline-variant);
      stroke-width: 1;
    }
    .tick,
    .label {
      font-size: 11px;
      fill: var(--mat-sys-on-surface-variant);
    }
    figcaption {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      font: var(--mat-sys-body-small);
    }
    .caption {
      font-weight: 600;
    }
    .legend {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .swatch {
      width: 12px;
      height: 12px;
      border-radius: 2px;
      display: inline-block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityChart {
  readonly caption = input.required<string>();
  readonly series = input.required<ChartSeries[]>();
  readonly bars = input.required<ChartBar[]>();

  protected readonly width = 720;
  protected readonly height = 180;
  protected readonly left = 28;
  private readonly top = 10;
  private readonly bottom = 24;

  private readonly max = computed(() => Math.max(1, ...this.bars().map((bar) => bar.values.reduce((sum, value) => sum + value, 0))));

  protected readonly ticks = computed(() => {
    const max = this.max();
    const step = Math.max(1, Math.ceil(max / 4));
    const ticks: { value: number; y: number }[] = [];
    for (let value = 0; value <= max; value += step) ticks.push({ value, y: this.y(value) });
    return ticks;
  });

  protected readonly layout = computed(() => {
    const bars = this.bars();
    const slot = (this.width - this.left) / Math.max(bars.length, 1);
    const colours = this.series();
    return bars.map((bar, index) => {
      let base = 0;
      const segments = bar.values.map((value, series) => {
        const y = this.y(base + value);
        const height = this.y(base) - y;
        base += value;
        return { y, height, value, colour: colours[series]?.colour ?? '#888', label: colours[series]?.label ?? '' };
      });
      return { x: this.left + index * slot + slot * 0.2, width: slot * 0.6, label: bar.label, title: bar.title, segments: segments.filter((segment) => segment.value > 0) };
    });
  });

  private y(value: number) {
    const plot = this.height - this.top - this.bottom;
    return this.top + plot - (value / this.max()) * plot;
  }
}
