import type { PreloadApi } from '../../shared/api/client';

declare global {
  interface Window {
    /** Present only under Electron, where the sandboxed preload exposes the typed client. */
    readonly api?: PreloadApi;
  }
}

export {};
