import { inspect } from 'node:util';

/**
 * What a worker thread's failure says in the log and in the answer of the jobs it leaves: its
 * message, or what it threw when that was not an error. Read as `error.message`, a thrown value that
 * is not an Error read "undefined": the merge worker once failed so at 120,000 cases, and nothing
 * said what had happened.
 */
export function failureDetail(error: unknown): string {
  if (error instanceof Error) return error.message || error.name || 'Error';
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return `a value that is not an error was thrown: ${inspect(error, { depth: 1, breakLength: Infinity })}`;
}

/**
 * The same inside a worker's source (plain JavaScript, evaluated as a string): `detailOf(error)`
 * for the detail a worker posts back when one of its jobs throws.
 */
export const DETAIL_OF_SOURCE = String.raw`
const detailOf = (error) => {
  if (error instanceof Error) return error.message || error.name || 'Error';
  if (error && typeof error === 'object' && typeof error.message === 'string') return error.message;
  return 'a value that is not an error was thrown: ' + require('node:util').inspect(error, { depth: 1, breakLength: Infinity });
};
`;
