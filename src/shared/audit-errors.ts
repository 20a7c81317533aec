/** Errors of the audit log page and retention settings (issue 20 parts 4–5). */
export const AUDIT_ERRORS = {
  'audit.bad_period': {
    status: 422,
    da: 'Perioden slutter, før den begynder. Vælg en slutdato efter startdatoen.',
    en: 'The period ends before it starts. Choose an end date after the start date.',
  },
  'audit.too_many_rows': {
    status: 422,
    da: 'Udtrækket er for stort (over 100.000 linjer). Afgræns perioden eller vælg en person eller handling.',
    en: 'The export is too large (over 100,000 lines). Narrow the period or choose a person or action.',
  },
} as const;
