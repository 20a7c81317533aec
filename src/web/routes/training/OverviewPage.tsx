/** Being written (issue 5). */
export function OverviewPage() {
  return null;
}
