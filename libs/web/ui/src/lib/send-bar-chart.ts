import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export interface SendChartRow {
  id: string;
  /** Must identify the row on its own (a school's display name, never its bare name). */
  label: string;
  ehcpPercent: number | null;
  senSupportPercent: number | null;
  /** Total SEND % computed from the counts (avoids adding two rounded figures); defaults to their sum. */
  totalPercent?: number | null;
  /** The national total SEND % this row compares with, if any. */
  nationalPercent: number | null;
  /** Optional short note under the label (for example the phase). */
  note?: string;
}

interface Bar extends SendChartRow {
  ehcpWidth: number;
  senWidth: number;
  nationalLeft: number | null;
  total: number | null;
}

const pct = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** value as a percentage of max, to two decimals (for CSS widths). */
function share(value: number, max: number): number {
  return Math.round((value / max) * 10000) / 100;
}

/** Round up to the next multiple of 5, at least 5. */
export function chartMax(values: readonly (number | null)[]): number {
  const max = Math.max(0, ...values.filter((v): v is number => v != null && Number.isFinite(v)));
  return Math.max(5, Math.ceil(max / 5) * 5);
}

/**
 * Horizontal stacked bars (EHCP + SEN support = total SEND %) with a marker for the national average.
 * The drawing is one image with a text alternative; the table it sits beside is the full text equivalent.
 */
@Component({
  selector: 'lan-send-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="chart">
      <figcaption>
        <span class="chart-title">{{ caption() }}</span>
        <span class="chart-note">{{ note() }}</span>
      </figcaption>
      <ul class="legend" aria-hidden="true">
        <li><span class="key key-ehcp"></span>EHCP</li>
        <li><span class="key key-sen"></span>SEN support</li>
        <li><span class="key key-national"></span>National average (total SEND)</li>
      </ul>
      <div class="plot" role="img" [attr.aria-label]="summary()">
        @for (bar of bars(); track bar.id) {
          <div class="row">
            <div class="label">
              {{ bar.label }}
              @if (bar.note) {
                <span class="row-note">{{ bar.note }}</span>
              }
            </div>
            <div class="track">
              <span class="seg seg-ehcp" [style.width.%]="bar.ehcpWidth"></span>
              <span class="seg seg-sen" [style.width.%]="bar.senWidth"></span>
              @if (bar.nationalLeft !== null) {
                <span class="national" [style.left.%]="bar.nationalLeft"></span>
              }
              <span class="value">{{ format(bar.total) }}</span>
            </div>
          </div>
        }
        <div class="row">
          <span></span>
          <div class="axis">
            @for (tick of ticks(); track tick) {
              <span class="tick" [style.left.%]="(tick / max()) * 100">{{ tick }}%</span>
            }
          </div>
        </div>
      </div>
    </figure>
  `,
  styleUrl: './send-bar-chart.css',
})
export class SendBarChart {
  readonly rows = input.required<readonly SendChartRow[]>();
  readonly caption = input('Pupils with SEND as a share of the roll');
  readonly note = input('');

  protected readonly max = computed(() =>
    chartMax(
      this.rows().flatMap((r) => [(r.ehcpPercent ?? 0) + (r.senSupportPercent ?? 0), r.nationalPercent]),
    ),
  );

  protected readonly ticks = computed(() => {
    const max = this.max();
    const step = max > 40 ? 10 : 5;
    const out: number[] = [];
    for (let t = 0; t <= max; t += step) out.push(t);
    return out;
  });

  protected readonly bars = computed<Bar[]>(() => {
    const max = this.max();
    return this.rows().map((r) => {
      const ehcp = r.ehcpPercent ?? 0;
      const sen = r.senSupportPercent ?? 0;
      const known = r.ehcpPercent != null || r.senSupportPercent != null;
      return {
        ...r,
        ehcpWidth: share(ehcp, max),
        senWidth: share(sen, max),
        nationalLeft: r.nationalPercent == null ? null : share(r.nationalPercent, max),
        total: r.totalPercent ?? (known ? Math.round((ehcp + sen) * 10) / 10 : null),
      };
    });
  });

  /** The text alternative: every row's figures in words. */
  protected readonly summary = computed(() => {
    const parts = this.bars().map((b) => {
      if (b.total === null) return `${b.label}: no figures`;
      const national =
        b.nationalPercent == null ? '' : `, national average ${this.format(b.nationalPercent)}`;
      return `${b.label}: ${this.format(b.total)} with SEND (EHCP ${this.format(b.ehcpPercent)}, SEN support ${this.format(b.senSupportPercent)})${national}`;
    });
    return `Bar chart. ${this.caption()}. ${parts.join('; ')}.`;
  });

  protected format(value: number | null): string {
    return value == null ? 'no figure' : `${pct.format(value)}%`;
  }
}
