import type { ReactNode } from 'react';

/** A panel of a page, named by its heading (a region for screen readers). */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}
