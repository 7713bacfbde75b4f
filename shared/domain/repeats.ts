/**
 * 重复投诉: the same complainant (the same ID number, or the same phone) against the same business
 * again within the office's window of days (API.md `cases.repeats`: "a number of days set by the
 * office (default 90)"). One rule for the statistics' repeat count (store/caseFacts.ts) and for the
 * warning at registration (store/complainants.ts), so the two never disagree on the edge.
 *
 * The window counts calendar days back from the new complaint's receipt date: an earlier complaint
 * received on day −90 is a repeat, one of day −91 is not.
 */
export function repeatWindowStart(receivedOn: string, windowDays: number): string {
  const t = Date.parse(`${receivedOn}T00:00:00Z`) - windowDays * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
