import { initial } from './0001-initial';
import { hardening } from './0002-hardening';
import type { Migration } from './types';

/** The explicit, ordered list (style.md, Signal): a file that is not listed here never runs. */
export const migrations: readonly Migration[] = [initial, hardening];
