/** Words for the codes the workflow records, where the shared tables do not already give them. */

/** What each mark of a follow-up visit means to the person on the phone. */
export const satisfactionLabel: Record<number, string> = { 1: '很不满意', 2: '不满意', 3: '基本满意', 4: '满意', 5: '很满意' };

/** A code through its label table; an unknown code (data from a newer version) shows as itself. */
export const labelOf = (table: Readonly<Record<string, string>>, code: unknown): string => {
  const key = String(code ?? '');
  return table[key] ?? key;
};
