import { formatDateTime } from '../format';

/**
 * When a draft was saved, as the core's clock wrote it (office time): "09:41" today, else with its
 * date ("2026年11月22日 09:41"). `today` is the core's office date.
 */
export function draftTime(savedAt: string, today: string): string {
  const shown = formatDateTime(savedAt);
  return savedAt.slice(0, 10) === today ? (shown.split(' ')[1] ?? shown) : shown;
}
