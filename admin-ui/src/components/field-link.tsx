import type { ReactNode } from 'react';

/**
 * A link to a form field on the page: it moves the focus into the field (not only the scroll
 * position), so the keyboard user can type at once. Without script it still jumps there.
 */
export function FieldLink({ fieldId, children }: { fieldId: string; children: ReactNode }) {
  return (
    <a
      href={`#${fieldId}`}
      onClick={(event) => {
        const element = document.getElementById(fieldId);
        if (!element) return;
        event.preventDefault();
        element.focus();
        element.scrollIntoView({ block: 'center' });
      }}
    >
      {children}
    </a>
  );
}
