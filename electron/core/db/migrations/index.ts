import { initial } from './0001-initial';
import { workflow } from './0002-workflow';
import { evidence } from './0003-evidence';
import { backups } from './0004-backups';
import { hardening } from './0005-hardening';
import { notices } from './0006-notices';
import { registerStore } from './0007-register-store';
import { evidenceRawCapture } from './0008-evidence-raw-capture';
import { statsTopRespondents } from './0009-stats-top-respondents';
import { enquiries } from './0010-enquiries';
import { drafts } from './0011-drafts';
import { respondentStats } from './0012-respondent-stats';
import { intakeFields } from './0013-intake-fields';
import { evidenceText } from './0014-evidence-text';
import { typicalCases } from './0015-typical-cases';
import { catalogWords } from './0016-catalog-words';
import { dossiers } from './0017-dossiers';
import { pdfText } from './0018-pdf-text';
import { voidedMark } from './0019-voided-mark';
import { nextDueStatus } from './0020-next-due-status';
import { shortKeys } from './0021-short-keys';
import { indexMergesApart } from './0022-index-merges-apart';
import { respondentMonths } from './0023-respondent-months';
import { runningDue } from './0024-running-due';
import { voidedIndex } from './0025-voided-index';
import type { Migration } from './types';

/** The explicit, ordered list (style.md, Signal): a file that is not listed here never runs. */
export const migrations: readonly Migration[] = [initial, workflow, evidence, backups, hardening, notices, registerStore, evidenceRawCapture, statsTopRespondents, enquiries, drafts, respondentStats, intakeFields, evidenceText, typicalCases, catalogWords, dossiers, pdfText, voidedMark, nextDueStatus, shortKeys, indexMergesApart, respondentMonths, runningDue, voidedIndex];
