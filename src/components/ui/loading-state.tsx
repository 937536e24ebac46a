export function LoadingState({ label }: { label: string }) {
  return (
    <p role="status" aria-live="polite" className="p-4 text-sm text-slate-600">
      {label}
    </p>
  );
}
