import { Link } from '@tanstack/react-router';
import type { Role } from '../../../api/schemas/user';
import { restrictedPages, whyNot, type RestrictedPage } from '../model/page-access';

/**
 * What a person sees on opening a page their role cannot open: which page it is, what it holds,
 * that their role cannot open it, and who can — on the address they opened, not a silent redirect.
 */
export function ForbiddenPage({ page, role }: { page: RestrictedPage; role: Role }) {
  const { title, holds } = restrictedPages[page];
  return (
    <main className="max-w-2xl space-y-3 p-6">
      <h1 className="text-xl font-semibold">{title}</h1>
      <section
        aria-labelledby="forbidden-heading"
        className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
      >
        <h2 id="forbidden-heading" className="font-semibold">
          Your role cannot open this page
        </h2>
        <p>This page holds {holds}.</p>
        <p>{whyNot(page, role)}</p>
        <p className="flex flex-wrap gap-4">
          <Link to="/" className="text-sky-800 underline">
            Back to the queues
          </Link>
          {page === 'queue' && (
            <Link to="/items" className="text-sky-800 underline">
              Read every item in All items
            </Link>
          )}
        </p>
      </section>
    </main>
  );
}
