// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { Input, Textarea } from './controls';
import { Field } from './field';

test('the label names the control, and clicking it focuses the control', async () => {
  render(<Field label="Actor id">{(control) => <Input {...control} />}</Field>);
  const box = screen.getByRole('textbox', { name: 'Actor id' });
  expect(box).not.toHaveAccessibleDescription();
  expect(box).not.toBeInvalid();
  await userEvent.setup().click(screen.getByText('Actor id'));
  expect(box).toHaveFocus();
});

test('a hint describes the control', () => {
  render(
    <Field label="Time" hint="For example 2025-08-14T02:11:00Z.">
      {(control) => <Input {...control} />}
    </Field>,
  );
  const box = screen.getByRole('textbox', { name: 'Time' });
  expect(box).toHaveAccessibleDescription('For example 2025-08-14T02:11:00Z.');
  expect(box).not.toBeInvalid();
});

test('an error describes the control after its hint, and makes it invalid', () => {
  render(
    <Field label="Shift length" hint="At least 8 hours." error="Enter a whole number from 8 to 12.">
      {(control) => <Input type="number" {...control} />}
    </Field>,
  );
  const box = screen.getByRole('spinbutton', { name: 'Shift length' });
  expect(box).toBeInvalid();
  expect(box).toHaveAccessibleDescription('At least 8 hours. Enter a whole number from 8 to 12.');
});

test('an empty hint or error is not shown and describes nothing', () => {
  render(
    <Field label="Note" hint="" error={false}>
      {(control) => <Textarea {...control} />}
    </Field>,
  );
  const box = screen.getByRole('textbox', { name: 'Note' });
  expect(box).not.toHaveAttribute('aria-describedby');
  expect(box).not.toBeInvalid();
});

test('a hidden label still names the control', () => {
  render(
    <Field label="Item id or hash" hideLabel>
      {(control) => <Input type="search" {...control} />}
    </Field>,
  );
  expect(screen.getByRole('searchbox', { name: 'Item id or hash' })).toBeInTheDocument();
  expect(screen.getByText('Item id or hash')).toHaveClass('sr-only');
});

test('two fields on one page name and describe their own controls', () => {
  render(
    <>
      <Field label="Role" hint="Whose events.">
        {(control) => <Input {...control} />}
      </Field>
      <Field label="Action" error="Not an action.">
        {(control) => <Textarea {...control} />}
      </Field>
    </>,
  );
  const role = screen.getByRole('textbox', { name: 'Role' });
  const action = screen.getByRole('textbox', { name: 'Action' });
  expect(role).toHaveAccessibleDescription('Whose events.');
  expect(role).not.toBeInvalid();
  expect(action).toHaveAccessibleDescription('Not an action.');
  expect(action).toBeInvalid();
});
