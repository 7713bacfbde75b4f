import { eventDescriber, type Names } from '../../../../../shared/domain/caseHistory';
import { formatDateCn, formatDateTime, formatYuan } from '../../../format';

/** The case's history in words (shared/domain/caseHistory.ts, the same the 卷宗 prints), with the screen's dates and amounts. */
export const describeEvent = eventDescriber({ dateCn: formatDateCn, dateTime: formatDateTime, yuan: formatYuan });
export type { Names };
