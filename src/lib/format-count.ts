const counts = new Intl.NumberFormat('en');

/** A count or size for people: 100000 → "100,000". One formatter, made once. */
export const formatCount = (value: number) => counts.format(value);
