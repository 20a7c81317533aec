/** Being written (issue 5). */
export function UnsubscribePage() {
  return null;
}
