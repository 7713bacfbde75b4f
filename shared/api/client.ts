import type { InputOf, OutputOf } from './contract';
import type { Result } from './errors';
import type { JsonOperationName, UploadOperationName } from './operationNames';

/** A file the user picked or dropped (a DOM File satisfies this); shared/ knows no DOM types. */
export interface UploadFile {
  readonly name: string;
  readonly size: number;
}

export interface UploadOptions {
  /** Bytes sent so far and the file's size, as the transport reports them. */
  onProgress?: (sent: number, total: number) => void;
  /** Aborting stops the transfer; the core keeps nothing of it (an AbortSignal; shared/ names only what it uses). */
  signal?: { readonly aborted: boolean; addEventListener(type: 'abort', listener: () => void): void };
}

/**
 * The one client the renderer talks to: window.api under Electron, HTTP under the host.
 * The renderer does not know which transport is underneath.
 */
export interface CallOptions {
  /**
   * The call must reach the core even if the page is being closed (a draft saved on pagehide): the
   * HTTP transport sends it with fetch's keepalive (bodies up to 64 KB); IPC messages go out anyway.
   */
  keepalive?: boolean;
}

export interface ApiClient {
  call<K extends JsonOperationName>(name: K, input: InputOf<K>, options?: CallOptions): Promise<Result<OutputOf<K>>>;
  /** A streamed upload: the file's bytes go to the core's import as they are read, never as JSON. */
  upload<K extends UploadOperationName>(name: K, input: InputOf<K>, file: UploadFile, options?: UploadOptions): Promise<Result<OutputOf<K>>>;
}

/** What the preload returns for an upload: the answer to wait for, and a way to stop it. */
export interface PreloadUpload<K extends UploadOperationName> {
  done: Promise<Result<OutputOf<K>>>;
  cancel: () => void;
}

/**
 * The shape the preload exposes on window.api: one frozen function per JSON operation, and per
 * upload operation one that takes the picked file (its path is read in the preload, never by the page).
 * Downloads are not here: the page's elements read them from the shell's file scheme.
 */
export type PreloadApi = { readonly [K in JsonOperationName]: (input: InputOf<K>) => Promise<Result<OutputOf<K>>> } & {
  readonly [K in UploadOperationName]: (input: InputOf<K>, file: UploadFile, onProgress?: (sent: number, total: number) => void) => PreloadUpload<K>;
};
