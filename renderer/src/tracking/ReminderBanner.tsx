/** In-app banner for deadlines within 3 days or passed (the browser host's reminder). Owned by the tracking work. */
export function ReminderBanner() {
  return null;
}
