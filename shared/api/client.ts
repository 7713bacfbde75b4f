import type { InputOf, OperationName, OutputOf } from './contract';
import type { Result } from './errors';

/**
 * The one client the renderer talks to: window.api under Electron, HTTP under the host.
 * The renderer does not know which transport is underneath.
 */
export interface ApiClient {
  call<K extends OperationName>(name: K, input: InputOf<K>): Promise<Result<OutputOf<K>>>;
}

/** The shape the preload exposes on window.api: one frozen function per operation. */
export type PreloadApi = { readonly [K in OperationName]: (input: InputOf<K>) => Promise<Result<OutputOf<K>>> };
