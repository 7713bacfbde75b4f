import { z } from 'zod';
import { empty } from './common';

/**
 * Backup and restore ([G]; ../shared/API.md `backup.create`, `backup.verify`): a consistent copy of
 * the register and the evidence files, with a manifest of every file's SHA-256 and the audit
 * chain's head. Paths are folders on the PC that runs the register (in browser mode: typed by the
 * administrator at that PC); the core checks that they are absolute and where they may be.
 */
const folder = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(1000, `${label}过长`)
    .refine((v) => !v.includes('\0'), `${label}含有无效字符`);

/** HH:MM in the office's zone, e.g. 17:30 (closing time). */
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 时:分，如 17:30');

const backupRow = z.object({
  id: z.number().int(),
  kind: z.enum(['manual', 'scheduled']),
  startedAt: z.string(),
  finishedAt: z.string(),
  ok: z.boolean(),
  path: z.string().nullable(),
  cases: z.number().int().nullable(),
  files: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  /** Why it failed, in Chinese. */
  error: z.string().nullable(),
  by: z.string().nullable(),
});
export type BackupRow = z.infer<typeof backupRow>;

const progress = z.object({
  running: z.boolean(),
  task: z.enum(['backup', 'verify', 'restore']).nullable(),
  /** What is being done now, in Chinese (复制数据库、复制证据文件、检查……). */
  step: z.string(),
  /** Bytes done and to do over the whole task; total 0 while it is still counting. */
  done: z.number(),
  total: z.number(),
  startedAt: z.string().nullable(),
});

export const backupProgress = { input: empty, output: progress };

export const backupStatus = {
  input: empty,
  output: z.object({
    settings: z.object({ dir: z.string().nullable(), dailyAt: timeOfDay.nullable() }),
    lastGood: backupRow.nullable(),
    /** Decided by the core: no good backup, or the last one older than 7 days. */
    stale: z.boolean(),
    /** Whole days since the last good backup (null: never). */
    ageDays: z.number().int().nullable(),
    nextScheduledAt: z.string().nullable(),
    history: z.array(backupRow),
    progress,
  }),
};

export const backupConfigure = {
  input: z.object({ dir: folder('备份位置').nullable(), dailyAt: timeOfDay.nullable() }),
  output: z.object({ ok: z.literal(true) }),
};

export const backupCreate = {
  input: z.object({ dir: folder('备份位置') }),
  output: z.object({ path: z.string(), cases: z.number().int(), files: z.number().int(), bytes: z.number().int(), copiedFiles: z.number().int() }),
};

const problem = z.object({ file: z.string(), problem: z.enum(['missing', 'altered', 'integrity', 'manifest']), message: z.string() });

/** The office's recovery code (56 letters and digits, in groups of 4): a backup signed on another PC. */
const recoveryCode = z.string().trim().max(100, '恢复码过长').optional();

export const backupVerify = {
  input: z.object({ path: folder('备份路径'), recoveryCode }),
  output: z.object({
    ok: z.boolean(),
    cases: z.number().int(),
    files: z.number().int(),
    problems: z.array(problem),
    createdAt: z.string().nullable(),
    officeName: z.string().nullable(),
    bytes: z.number().int(),
    auditHead: z.object({ hash: z.string(), rows: z.number().int() }).nullable(),
    /** Signed with an office key this PC holds (or the one given by the recovery code). */
    signed: z.boolean(),
    keyId: z.string().nullable(),
  }),
};

export const backupRestore = {
  input: z.object({
    path: folder('备份路径'),
    /** The administrator's explicit yes: the current data is set aside and the backup takes its place. */
    confirm: z.literal(true, { error: '恢复会替换当前数据，请先确认' }),
    recoveryCode,
  }),
  output: z.object({
    /** Where the current data was moved (renamed, never deleted). */
    setAside: z.string(),
    cases: z.number().int(),
    files: z.number().int(),
  }),
};

const keptCopy = z.object({
  /** Its name in the data folder. */
  name: z.string(),
  /** beforeMigration: the register as it was before an upgrade; beforeRestore: the data as it was before a restore. */
  kind: z.enum(['beforeMigration', 'beforeRestore']),
  at: z.string(),
  bytes: z.number(),
  /** The schema version an upgrade's copy holds. */
  version: z.number().int().nullable(),
});

export const backupKeptCopies = {
  input: empty,
  output: z.object({ copies: z.array(keptCopy), bytes: z.number() }),
};

export const backupRemoveKeptCopy = {
  input: z.object({
    name: z.string().trim().min(1, '请选择要删除的副本').max(200, '副本名称过长'),
    /** The administrator's explicit yes: a removed copy cannot be had back. */
    confirm: z.literal(true, { error: '删除后无法找回，请先确认' }),
  }),
  output: z.object({
    removed: keptCopy,
    /**
     * Only while the disk had no room for an upgrade (setup.status problem `diskFull`): the room now,
     * and whether the upgrade has started (every other call then waits for it, as at start).
     */
    room: z.object({ neededBytes: z.number(), freeBytes: z.number(), upgrading: z.boolean() }).optional(),
  }),
};
