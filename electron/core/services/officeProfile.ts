import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import type { UserView } from '../../../shared/api/schemas/common';
import type { OfficeProfile, officeSetSeal, officeUpdate } from '../../../shared/api/schemas/office';
import { defaultNumberMarks, noticeTitle, noticeTypes, type NoticeType } from '../../../shared/notices/types';
import type { Db } from '../db/open';
import { checkBodyFont } from '../notices/fontCheck';
import { readPng } from '../notices/png';
import type { Vault } from '../vault/vault';
import type { Audit } from './audit';
import type { Settings } from './settings';
import type { OfficeClock } from '../officeClock';

type UpdateInput = z.output<typeof officeUpdate.input>;
type SealInput = z.output<typeof officeSetSeal.input>;

const KEY = {
  name: 'office.name',
  address: 'office.address',
  phone: 'office.phone',
  issuer: 'office.issuer',
  numberPrefix: 'notices.numberPrefix',
  numberMarks: 'notices.numberMarks',
  seal: 'notices.seal',
  bodyFont: 'notices.bodyFont',
} as const;

/**
 * A first guess at the number prefix from the office's name, until an administrator sets it:
 * 杭州市消费者协会 → 杭消协, 宁波市消费者权益保护委员会 → 宁消保委.
 */
export function guessPrefix(name: string): string {
  const first = name.trim().charAt(0);
  if (!first) return '消协';
  if (name.includes('消费者权益保护委员会')) return `${first}消保委`;
  return `${first}消协`;
}

interface StoredSeal {
  sha256: string;
  width: number;
  height: number;
}

/** The office as its notices print it; administrators change it in 设置. */
export function createOfficeProfile(db: Db, clock: OfficeClock, settings: Settings, audit: Audit, vault: Vault) {
  const sealDataUrl = (seal: StoredSeal | null): string | null => {
    if (!seal) return null;
    try {
      return `data:image/png;base64,${readFileSync(vault.pathOf(seal.sha256)).toString('base64')}`;
    } catch {
      // A seal missing from the vault prints as the space for a stamped one, never as a broken image.
      return null;
    }
  };

  function get(): OfficeProfile {
    const name = settings.get(KEY.name, '');
    const seal = settings.get<StoredSeal | null>(KEY.seal, null);
    const dataUrl = sealDataUrl(seal);
    return {
      name,
      address: settings.get(KEY.address, ''),
      phone: settings.get(KEY.phone, ''),
      issuer: settings.get(KEY.issuer, '') || name,
      numberPrefix: settings.get(KEY.numberPrefix, '') || guessPrefix(name),
      numberMarks: { ...defaultNumberMarks, ...settings.get<Partial<Record<NoticeType, string>>>(KEY.numberMarks, {}) },
      seal: seal && dataUrl ? { ...seal, dataUrl } : null,
      bodyFont: settings.get<OfficeProfile['bodyFont']>(KEY.bodyFont, null),
    };
  }

  const record = (user: UserView, action: string, data: unknown) =>
    audit.append({ at: clock.now(), userId: user.id, action, entity: 'settings', entityId: null, data });

  return {
    get,

    async update(input: UpdateInput, user: UserView): Promise<OfficeProfile> {
      // Checked before the transaction: reading a font file is slow, and a bad one changes nothing.
      const font = input.bodyFontPath ? await checkBodyFont(input.bodyFontPath) : input.bodyFontPath;
      return db
        .transaction(() => {
          const before = get();
          const marks = { ...before.numberMarks, ...input.numberMarks };
          // Reported under the mark the administrator just typed, naming the type it collides with.
          const given = Object.keys(input.numberMarks ?? {}) as NoticeType[];
          for (const t of [...given, ...noticeTypes]) {
            const other = noticeTypes.find((o) => o !== t && marks[o] === marks[t]);
            if (other) {
              const message = `与“${noticeTitle[other]}”的类型字相同，文号会重复`;
              throw new DomainError('VALIDATION', `各类文书的类型字不能相同：${message}`, { [`numberMarks.${t}`]: message });
            }
          }
          for (const k of ['name', 'address', 'phone', 'issuer', 'numberPrefix'] as const) if (input[k] !== undefined) settings.set(KEY[k], input[k]);
          if (input.numberMarks) settings.set(KEY.numberMarks, marks);
          if (font !== undefined) settings.set(KEY.bodyFont, font);
          record(user, 'office.update', { change: { ...input, bodyFont: font } });
          return get();
        })
        .immediate();
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
          settings.set(KEY.seal, seal);
          record(user, 'office.setSeal', seal ?? { removed: true });
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
