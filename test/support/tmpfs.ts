import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/**
 * A real small disk: a tmpfs mounted on `dir` (the tests run as root here, as CI does). Where
 * mounting is not allowed it returns null and the caller says so and skips, rather than faking.
 */
export function mountTmpfs(dir: string, size: string): { resize(size: string): void; unmount(): void } | null {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return {
    resize: (next) => execFileSync('mount', ['-o', `remount,size=${next}`, dir], { stdio: 'ignore' }),
    unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'ignore' }),
  };
}
