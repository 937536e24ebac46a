// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { SelectField } from './select-field';

const ranges = [
  { value: 1, label: 'Last 24 hours' },
  { value: 7, label: 'Last 7 days' },
  { value: 30, label: 'Last 30 days', disabled: true },
] as const;

test('the chosen option comes back as its own value, not as the text of the select', async () => {
  const onChange = vi.fn<(days: 1 | 7 | 30) => void>();
  render(<SelectField label="Range" value={1} options={ranges} onChange={onChange} />);
  const select = screen.getByRole('combobox', { name: 'Range' });
  expect(select).toHaveDisplayValue('Last 24 hours');
  await userEvent.setup().selectOptions(select, 'Last 7 days');
  expect(onChange).toHaveBeenCalledWith(7);
});

test('an option may be shown and not offered', () => {
  render(<SelectField label="Range" value={1} options={ranges} onChange={() => undefined} />);
  expect(screen.getByRole('option', { name: 'Last 30 days' })).toBeDisabled();
});
