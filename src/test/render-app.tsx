import { createMemoryHistory } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../api/query-error-type';
import { App } from '../app/app';

/** The whole console — real providers, router and client — at `path`, against the MSW backend. */
export function renderApp(path = '/') {
  const user = userEvent.setup();
  const history = createMemoryHistory({ initialEntries: [path] });
  return { user, history, ...render(<App history={history} />) };
}
