import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import type { UserView } from '../../../shared/api/schemas/common';
import type { OfficeProfile, officeSetSeal, officeUpdate } from '../../../shared/api/schemas/office';
import type { SaveSectionInput } from '../../../shared/api/schemas/officeSettings';
import type { Db } from '../db/open';
import { readPng } from '../notices/png';
import type { Vault } from '../vault/vault';
import { withLegacyFields, type OfficeSettingsService } from './officeSettings';
import type { Settings } from './settings';

type UpdateInput = z.output<typeof officeUpdate.input>;
type SealInput = z.output<typeof officeSetSeal.input>;

const SEAL_KEY = 'notices.seal';

export { guessPrefix } from './officeSettings';

interface StoredSeal {
  sha256: string;
  width: number;
  height: number;
}

/** The office as its notices print it; administrators change it in 设置. */
export function createOfficeProfile(db: Db, settings: Settings, vault: Vault, officeSettings: () => OfficeSettingsService) {
  const sealDataUrl = (seal: StoredSeal | null): string | null => {
    if (!seal) return null;
    try {
      return `data:image/png;base64,${readFileSync(vault.pathOf(seal.sha256)).toString('base64')}`;
    } catch {
      // A seal missing from the vault prints as the space for a stamped one, never as a broken image.
      return null;
    }
  };

  const storedSeal = () => settings.get<StoredSeal | null>(SEAL_KEY, null);

  /** The seal as notices print it, or null (none set, or gone from the vault). */
  function sealView(): OfficeProfile['seal'] {
    const seal = storedSeal();
    const dataUrl = sealDataUrl(seal);
    return seal && dataUrl ? { ...seal, dataUrl } : null;
  }

  /** The office as notices print it, from the office and numbering sections of 办公设置. */
  function get(): OfficeProfile {
    const { office, numbering } = officeSettings().sections();
    return {
      name: office.name,
      address: office.address,
      phone: office.phone,
      issuer: office.issuer,
      numberPrefix: numbering.noticePrefix,
      numberMarks: numbering.noticeMarks,
      seal: office.seal,
      bodyFont: office.bodyFont,
    };
  }

  return {
    get,
    sealView,

    /**
     * `office.update`, kept for a release: the office and numbering sections of 办公设置, saved
     * together through the one settings service; its errors name the fields of this operation.
     */
    async update(input: UpdateInput, user: UserView): Promise<OfficeProfile> {
      const office: Record<string, unknown> = {};
      for (const k of ['name', 'address', 'phone', 'issuer', 'bodyFontPath'] as const) if (input[k] !== undefined) office[k] = input[k];
      const numbering: Record<string, unknown> = {};
      if (input.numberPrefix !== undefined) numbering.noticePrefix = input.numberPrefix;
      if (input.numberMarks !== undefined) numbering.noticeMarks = input.numberMarks;
      const changes = [
        ...(Object.keys(office).length ? [{ section: 'office', values: office }] : []),
        ...(Object.keys(numbering).length ? [{ section: 'numbering', values: numbering }] : []),
      ] as SaveSectionInput[];
      await withLegacyFields(
        () => officeSettings().save(changes, user),
        (path) => path.replace(/^noticeMarks\./, 'numberMarks.').replace(/^noticePrefix$/, 'numberPrefix'),
      );
      return get();
    },

    async setSeal(input: SealInput, user: UserView): Promise<OfficeProfile> {
      let seal: StoredSeal | null = null;
      if ('png' in input) {
        const png = Buffer.from(input.png.replace(/^data:image\/png;base64,/, ''), 'base64');
        const info = readPng(png);
        if (typeof info === 'string') throw new DomainError('UNSUPPORTED_TYPE', info, { png: info });
        // In the vault before the setting points at it, so the setting never names a missing file.
        seal = { sha256: (await vault.putBuffer(png)).sha256, ...info };
      }
      return db
        .transaction(() => {
          const before = storedSeal()?.sha256 ?? null;
          settings.set(SEAL_KEY, seal);
          officeSettings().recordSeal(before, seal?.sha256 ?? null, user);
          return get();
        })
        .immediate();
    },

    /** The seal image for a notice issued with it, as a data: URL (null when it has gone from the vault). */
    sealSrc(sha256: string | null): string | null {
      return sha256 ? sealDataUrl({ sha256, width: 0, height: 0 }) : null;
    },
  };
}
export type OfficeProfileService = ReturnType<typeof createOfficeProfile>;
