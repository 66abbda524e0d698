import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/use-document-title';

interface PageHeaderProps {
  title: string;
  /** The browser tab's title when shorter than the heading. */
  documentTitle?: string;
  /** The page's main actions, beside the heading. */
  children?: ReactNode;
}

/** A page's heading, which is also its document title, with its main actions beside it. */
export function PageHeader({ title, documentTitle = title, children }: PageHeaderProps) {
  useDocumentTitle(documentTitle);
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {children}
    </div>
  );
}
