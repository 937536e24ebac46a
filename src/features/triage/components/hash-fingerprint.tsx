import { fingerprintOf } from '../model/fingerprint';

/** Drawn from the hash alone: an item's visual identity without any media. */
export function HashFingerprint({ sha256 }: { sha256: string }) {
  const { cells, hue } = fingerprintOf(sha256);
  const colour = `hsl(${hue} 45% 40%)`;
  return (
    <svg
      viewBox="0 0 8 8"
      role="img"
      aria-label={`Visual fingerprint of SHA-256 ${sha256.slice(0, 12)}…`}
      className="size-32 rounded-md border border-slate-200 bg-slate-50"
    >
      {cells.flatMap((row, y) =>
        row.map((on, x) =>
          on ? <rect key={`${x}-${y}`} x={x} y={y} width={1} height={1} fill={colour} /> : null,
        ),
      )}
    </svg>
  );
}
