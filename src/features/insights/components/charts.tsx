import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';

/**
 * Two small charts for the insights, drawn as SVG with visx. Each is a picture of a table the page
 * also shows: the SVG is labelled as an image, and the numbers are in the table beside it.
 */

const margin = { top: 8, right: 16, bottom: 32, left: 160 };
const axisText = { fontSize: 11, fill: '#334155' } as const;

export interface IntervalRow {
  label: string;
  value: number | null;
  low: number | null;
  high: number | null;
}

/** A dot per row at its value, with a line across its interval: values from 0 to 1. */
export function IntervalChart({ rows, label }: { rows: readonly IntervalRow[]; label: string }) {
  const width = 640;
  const bottom = margin.bottom + 14;
  const height = margin.top + bottom + rows.length * 22;
  const x = scaleLinear({ domain: [0, 1], range: [0, width - margin.left - margin.right] });
  const y = scaleBand({
    domain: rows.map((r) => r.label),
    range: [0, height - margin.top - bottom],
    padding: 0.3,
  });
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      className="w-full max-w-3xl"
    >
      <Group left={margin.left} top={margin.top}>
        {rows.map((row) => {
          const middle = (y(row.label) ?? 0) + y.bandwidth() / 2;
          return (
            <g key={row.label}>
              {row.low !== null && row.high !== null && (
                <Line
                  from={{ x: x(row.low), y: middle }}
                  to={{ x: x(row.high), y: middle }}
                  stroke="#64748b"
                  strokeWidth={2}
                />
              )}
              {row.value !== null && <circle cx={x(row.value)} cy={middle} r={4} fill="#0f172a" />}
            </g>
          );
        })}
        <AxisLeft
          scale={y}
          hideTicks
          tickLabelProps={() => ({ ...axisText, textAnchor: 'end', dx: -4, dy: 4 })}
        />
        <AxisBottom
          top={height - margin.top - bottom}
          scale={x}
          numTicks={5}
          label="Precision (%)"
          labelOffset={12}
          labelProps={{ ...axisText, textAnchor: 'middle' }}
          tickFormat={(v) => `${Math.round(Number(v) * 100)}%`}
          tickLabelProps={() => ({ ...axisText, textAnchor: 'middle' })}
        />
      </Group>
    </svg>
  );
}

/** Colours by name, as whole class names (so Tailwind keeps them): no inline styles (CSP). */
const palette = {
  slate: { fill: 'fill-slate-500', swatch: 'bg-slate-500' },
  sky: { fill: 'fill-sky-700', swatch: 'bg-sky-700' },
  amber: { fill: 'fill-amber-600', swatch: 'bg-amber-600' },
} as const;

export interface BarSeries {
  name: string;
  colour: keyof typeof palette;
  values: readonly number[];
}

/**
 * Grouped vertical bars: one group per category, one bar per series. Every series shares the one
 * axis, so they must share a measure and unit too, which `yLabel` names ("Reveals (count)").
 */
export function BarChart({
  categories,
  series,
  label,
  yLabel,
}: {
  categories: readonly string[];
  series: readonly BarSeries[];
  label: string;
  yLabel: string;
}) {
  const width = 640;
  const height = 220;
  const left = 64;
  const innerWidth = width - left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = scaleBand({ domain: [...categories], range: [0, innerWidth], padding: 0.2 });
  const inner = scaleBand({
    domain: series.map((s) => s.name),
    range: [0, x.bandwidth()],
    padding: 0.1,
  });
  const y = scaleLinear({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const every = Math.max(1, Math.ceil(categories.length / 8));
  return (
    <div className="flex flex-col gap-1">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        className="w-full max-w-3xl"
      >
        <Group left={left} top={margin.top}>
          {categories.map((category, i) => (
            <Group key={category} left={x(category) ?? 0}>
              {series.map((s) => {
                const value = s.values[i] ?? 0;
                return (
                  <Bar
                    key={s.name}
                    x={inner(s.name) ?? 0}
                    y={y(value)}
                    width={inner.bandwidth()}
                    height={innerHeight - y(value)}
                    className={palette[s.colour].fill}
                  />
                );
              })}
            </Group>
          ))}
          <AxisLeft
            scale={y}
            numTicks={4}
            label={yLabel}
            labelOffset={36}
            labelProps={{ ...axisText, textAnchor: 'middle' }}
            tickFormat={(v) => String(Number(v))}
            tickLabelProps={() => ({ ...axisText, textAnchor: 'end', dx: -4, dy: 4 })}
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            tickValues={categories.filter((_, i) => i % every === 0)}
            tickLabelProps={() => ({ ...axisText, textAnchor: 'middle' })}
          />
        </Group>
      </svg>
      {series.length > 1 && (
        <p className="flex gap-4 text-xs text-slate-700">
          {series.map((s) => (
            <span key={s.name} className="flex items-center gap-1">
              <span
                aria-hidden="true"
                className={`inline-block size-3 ${palette[s.colour].swatch}`}
              />
              {s.name}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
