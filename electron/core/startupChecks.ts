import type { Logger } from './ports';
import type { AuditHead, AuditVerification } from './services/audit';
import type { Services } from './services';

/** What the register found about itself when it opened. */
export interface StartupCheck {
  audit: AuditVerification & { head: AuditHead };
}

/**
 * The checks run once each time the register opens, in one place the start-up code calls, so the
 * read-only mode ([G]: a damaged register opens read-only and offers a restore) can act on the
 * result: today the audit chain, re-hashed from its first row.
 */
export function checkAtStart(services: Services, log: Logger): StartupCheck {
  const audit = { ...services.audit.verify(), head: services.audit.head() };
  if (audit.ok) {
    log.info(`audit chain verified: ${audit.checked} rows, head ${audit.head.hash.slice(0, 16)}…`);
  } else {
    log.error(
      `audit chain BROKEN at row ${audit.firstBroken}: ${audit.checked} rows before it verify; the log was edited or a row removed outside the app. Keep this data folder as it is and restore the latest good backup.`,
    );
  }
  return { audit };
}
