/**
 * A compact, human duration in its two largest non-zero units: `45s`, `12m`, `3h 12m`, `2d 4h`,
 * `1d 20m`. Negative input reads as zero.
 */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return `${s}s`;
  const minutes = Math.floor(s / 60);
  const hours = Math.floor(minutes / 60);
  const units: [number, string][] = [
    [Math.floor(hours / 24), 'd'],
    [hours % 24, 'h'],
    [minutes % 60, 'm'],
  ];
  return units
    .filter(([value]) => value > 0)
    .slice(0, 2)
    .map(([value, unit]) => `${value}${unit}`)
    .join(' ');
}
