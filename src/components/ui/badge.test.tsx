// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { Badge } from './badge';

const styles = { p0: { label: 'P0', className: 'bg-red-700 text-white font-semibold' } };

test('a badge shows its label on its lookup table’s colours', () => {
  render(<Badge {...styles.p0} />);
  expect(screen.getByText('P0')).toHaveClass('bg-red-700', 'text-white', 'font-semibold');
});

test('what follows the label is part of the badge', () => {
  render(
    <Badge label="Missing" className="text-red-800">
      {' (2 of 3)'}
    </Badge>,
  );
  expect(screen.getByText('Missing (2 of 3)')).toHaveClass('text-red-800');
});
