import { initial } from './0001-initial';
import { workflow } from './0002-workflow';
import { notices } from './0003-notices';
import type { Migration } from './types';

/** The explicit, ordered list (style.md, Signal): a file that is not listed here never runs. */
export const migrations: readonly Migration[] = [initial, workflow, notices];
