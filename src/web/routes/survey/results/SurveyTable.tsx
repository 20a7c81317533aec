import type { ReactNode } from 'react';
import { TableWrap } from '../../../components/TableWrap';

/**
 * A table whose caption stays in view above it while a wide table scrolls sideways on a phone: the visible line is
 * for the eye, the table's own caption (read by screen readers) holds the same words.
 */
export function SurveyTable({
  caption,
  className,
  children,
}: {
  caption: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <>
      <p className="sv-caption" aria-hidden="true">
        {caption}
      </p>
      <TableWrap label={caption}>
        <table className={`sv-table${className ? ` ${className}` : ''}`}>
          <caption className="sr-only">{caption}</caption>
          {children}
        </table>
      </TableWrap>
    </>
  );
}
