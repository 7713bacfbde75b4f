/** One turn of the event loop: the page's calls waiting to be answered go before the next piece of a long job. */
export const yieldToLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
