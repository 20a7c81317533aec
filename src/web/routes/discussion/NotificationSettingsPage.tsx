/** Being written (issue 5). */
export function NotificationSettingsPage() {
  return null;
}
