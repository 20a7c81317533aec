/** Being written (issue 5). */
export function CoursePage() {
  return null;
}
