import type * as c from '../../../shared/contracts/about';
import type { Wire } from '../../../shared/contracts/common';

/** The day the statement's text (AccessibilityPage) was last reviewed against the product; move it with the text. */
export const STATEMENT_DATE = '2026-12-07';

type Operator = Wire<typeof c.About>['operator'];

/** The operator's name, e-mail and telephone as a contact block, or `fallback` when none is configured. */
export function OperatorContact({
  operator,
  loading,
  fallback,
  labels,
}: {
  operator: Operator;
  loading: boolean;
  fallback: string;
  labels: { email: string; phone: string };
}) {
  if (loading) return null;
  if (!operator) return <p>{fallback}</p>;
  return (
    <address className="about-contact">
      <strong>{operator.name}</strong>
      {operator.email && (
        <span>
          {labels.email}: <a href={`mailto:${operator.email}`}>{operator.email}</a>
        </span>
      )}
      {operator.phone && (
        <span>
          {labels.phone}: <a href={`tel:${operator.phone.replace(/\s+/g, '')}`}>{operator.phone}</a>
        </span>
      )}
    </address>
  );
}
