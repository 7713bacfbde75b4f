import { useCallback } from 'react';
import { useApi } from '../api/ApiContext';
import { usePrintNotice } from './printNotice';

/**
 * Prints an issued notice on paper from its snapshot (what was issued, not what the case says
 * now), and puts the print on the record (API.md: every print and reprint is logged).
 */
export function useNoticePrinting() {
  const api = useApi();
  const { print, element, printing } = usePrintNotice();

  /** Resolves with null once printed and logged, or with the Chinese message of what went wrong. */
  const printIssued = useCallback(
    async (id: number): Promise<string | null> => {
      const got = await api.call('notices.get', { id });
      if (!got.ok) return got.error.message;
      // Nothing printed, nothing logged: the clerk is told why.
      const problem = await print({ doc: got.value.document, seal: got.value.seal, pages: got.value.notice.pages });
      if (problem) return problem;
      const logged = await api.call('notices.logPrint', { id, how: 'print' });
      return logged.ok ? null : logged.error.message;
    },
    [api, print],
  );

  /**
   * The 投诉登记表: the core prints it from the case and stores the PDF frozen (the record the
   * 卷宗 binds), then the same form goes to the printer here. Null once printed, or the reason.
   */
  const printRegistrationForm = useCallback(
    async (caseId: number): Promise<string | null> => {
      const got = await api.call('notices.printRegistrationForm', { caseId });
      if (!got.ok) return got.error.message;
      return print({ form: got.value.document, pages: got.value.pages });
    },
    [api, print],
  );

  const logPdf = useCallback((id: number) => void api.call('notices.logPrint', { id, how: 'pdf' }), [api]);

  return { printIssued, printRegistrationForm, logPdf, element, printing };
}
