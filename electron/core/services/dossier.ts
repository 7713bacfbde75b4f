import { readFile } from 'node:fs/promises';
import type { PDFDocument } from 'pdf-lib';
import { DomainError } from '../../../shared/api/errors';
import type { CaseDetail } from '../../../shared/api/schemas/cases';
import type { UserView } from '../../../shared/api/schemas/common';
import { DEFAULT_RETENTION, retentionPeriods, type DossierVersion, type RetentionPeriod } from '../../../shared/api/schemas/dossier';
import { settingKeys } from '../../../shared/api/schemas/officeSettings';
import { describeEvent, type Names } from '../../../shared/domain/caseHistory';
import { caseStatusLabel } from '../../../shared/domain/caseStatus';
import { checklistStateLabel, evidenceKindLabel, evidenceSourceLabel, previewOf } from '../../../shared/domain/evidence';
import type { DossierContentsRow, DossierEvidenceRow, DossierPart, DossierPhoto } from '../../../shared/notices/dossier';
import { cnDate } from '../../../shared/notices/format';
import { noticeTitle } from '../../../shared/notices/types';
import { REGISTRATION_FORM_TITLE } from '../../../shared/notices/registrationForm';
import type { Db } from '../db/open';
import { dossierPartHtml, pageNumbersHtml } from '../notices/html';
import { printRegistrationForm } from '../notices/print';
import type { OfficeClock } from '../officeClock';
import type { PdfPrinter } from '../ports';
import type { CaseHead } from '../store/caseHeads';
import type { Vault } from '../vault/vault';
import type { Audit } from './audit';
import type { CaseEvents } from './cases/events';
import type { createCatalog } from './catalog';
import type { Evidence } from './evidence';
import { integrityAnchor } from './notices/anchor';
import { registrationFormOf } from './notices/registrationForm';
import type { OfficeProfileService } from './officeProfile';
import type { Settings } from './settings';

let pdfLibLoading: Promise<typeof import('pdf-lib')> | null = null;
/** pdf-lib is read when a 卷宗 is first bound, not at start: loading it is a third of a second the first answer would wait for. */
function pdfLib(): Promise<typeof import('pdf-lib')> {
  pdfLibLoading ??= import('pdf-lib');
  return pdfLibLoading;
}

/** The statuses a case is archived in (domain.md step 9 结案归档; a refusal ends the case at step 2). */
const ARCHIVABLE = ['closed', 'refused'] as const;
/** Who compiles (立卷) the file besides its handler: the office's 负责人 and an administrator. */
const COMPILERS: readonly UserView['role'][] = ['supervisor', 'admin'];
/** Photos per print of the engine (four pages of six): only these thumbnails are in memory at once. */
const PHOTOS_PER_PRINT = 24;

export interface DossierDeps {
  db: Db;
  clock: OfficeClock;
  audit: Audit;
  events: CaseEvents;
  settings: Settings;
  vault: Vault;
  office: OfficeProfileService;
  catalog: Pick<ReturnType<typeof createCatalog>, 'get'>;
  evidence: Pick<Evidence, 'file'>;
  caseHead: (caseId: number) => CaseHead | null;
  getCase: (id: number, user: UserView) => CaseDetail;
  pdf?: PdfPrinter;
}

interface DossierRow {
  id: number;
  case_id: number;
  case_no: string;
  version: number;
  sha256: string;
  size: number;
  pages: number;
  retention: RetentionPeriod;
  made_by: number;
  made_by_name: string;
  made_at: string;
}

/** A name a clerk recognises, safe on every file system. */
const fileNameOf = (r: Pick<DossierRow, 'case_no' | 'version'>) => `卷宗-${r.case_no}-第${r.version}版.pdf`.replace(/[\\/:*?"<>|]/g, '_');

const toVersion = (r: DossierRow): DossierVersion => ({
  id: r.id,
  version: r.version,
  sha256: r.sha256,
  size: r.size,
  pages: r.pages,
  retention: r.retention,
  madeAt: r.made_at,
  madeBy: { id: r.made_by, displayName: r.made_by_name },
  fileName: fileNameOf(r),
});

/** An office date-time as the 卷宗 prints it: 2026年10月9日 15:00. */
const dateTime = (iso: string) => `${cnDate(iso.slice(0, 10))} ${iso.slice(11, 16)}`;

/** A printed part: the engine's PDF, loaded to count and bind its pages. */
interface Printed {
  title: string;
  number: string | null;
  date: string | null;
  note: string | null;
  doc: PDFDocument;
  /** Listed in the 卷内目录 (the cover and the contents themselves are not). */
  listed: boolean;
}

/**
 * 卷宗 (issue [H]; domain.md step 9 结案归档: "the record … is complete, numbered and kept"): a
 * closed or refused case bound as one PDF in the order an archive expects — 卷宗封面, 卷内目录,
 * 投诉登记表 (the stored PDF, else printed now), every issued notice (the stored PDFs, never
 * re-rendered), 案件经过 (the history in words), 调查清单, 证据清单 with the photos, 备考表 —
 * numbered through, frozen in the vault with its SHA-256 like a notice, carrying the audit head.
 * Made again after a reopened case is closed again, it is the next version; every version is kept.
 *
 * Who compiles it: the case's handler (the one who closes it: shared/domain/workflow.ts `close`),
 * the office's 负责人 and an administrator. Not the desk: a clerk has no part in a case after
 * registration, and the evidence export's rule (mayWork) is about working a case, not archiving it.
 */
export function createDossiers(deps: DossierDeps) {
  const { db, clock, audit, events, settings, vault } = deps;
  const SELECT = `SELECT d.id, d.case_id, c.case_no, d.version, d.sha256, d.size, d.pages, d.retention, d.made_by, u.display_name AS made_by_name, d.made_at
    FROM dossiers d JOIN cases c ON c.id = d.case_id JOIN users u ON u.id = d.made_by`;
  const one = db.prepare(`${SELECT} WHERE d.id = ?`);
  const ofCase = db.prepare(`${SELECT} WHERE d.case_id = ? ORDER BY d.version DESC`);
  const lastVersion = db.prepare('SELECT MAX(version) FROM dossiers WHERE case_id = ?').pluck();
  const insert = db.prepare(
    'INSERT INTO dossiers (case_id, version, sha256, size, pages, retention, anchor, made_by, made_at) VALUES (@caseId, @version, @sha256, @size, @pages, @retention, @anchor, @userId, @at)',
  );

  function headOf(caseId: number): CaseHead {
    const head = deps.caseHead(caseId);
    if (!head) throw new DomainError('NOT_FOUND', `未找到编号为 ${caseId} 的案件`);
    return head;
  }

  /** Why this user may not make this case's 卷宗 now, or null. */
  function refusal(head: CaseHead, user: UserView): { code: 'FORBIDDEN' | 'INVALID_TRANSITION'; message: string } | null {
    if (!COMPILERS.includes(user.role) && head.handlerId !== user.id) {
      return { code: 'FORBIDDEN', message: `只有本案承办人、负责人或管理员可以生成卷宗（案件 ${head.caseNo}）` };
    }
    if (!(ARCHIVABLE as readonly string[]).includes(head.status)) {
      return { code: 'INVALID_TRANSITION', message: `只有已结案或不予受理的案件才能生成卷宗（本案现为“${caseStatusLabel[head.status]}”），未生成` };
    }
    return null;
  }

  const retention = (): RetentionPeriod => {
    const value = settings.get<string>(settingKeys.archive.retention, DEFAULT_RETENTION);
    return (retentionPeriods as readonly string[]).includes(value) ? (value as RetentionPeriod) : DEFAULT_RETENTION;
  };

  /**
   * Every file the 卷宗 binds or vouches for is as it was recorded, before anything is printed or
   * stored: a missing or altered one stops it, named, as evidence.export does.
   */
  async function refuseUnlessWhole(c: CaseDetail, formSha: string | null): Promise<void> {
    // One read per distinct file (the same content added twice is stored once), as evidence.verify does.
    const verdicts = new Map<string, 'ok' | 'missing' | 'altered'>();
    for (const e of c.evidence) {
      if (!verdicts.has(e.sha256)) verdicts.set(e.sha256, await vault.check(e.sha256));
      const verdict = verdicts.get(e.sha256);
      if (verdict === 'missing') throw new DomainError('CONFLICT', `证据 ${e.id}（${e.name}）的文件在证据库中缺失，卷宗未生成；请管理员校验证据库并从备份恢复`);
      if (verdict === 'altered') throw new DomainError('CONFLICT', `证据 ${e.id}（${e.name}）的文件与登记时的 SHA-256 不符（可能已被改动），卷宗未生成；请管理员校验证据库`);
    }
    for (const n of c.notices) {
      if ((await vault.check(n.sha256)) !== 'ok') throw new DomainError('CONFLICT', `文书 ${n.number}（${noticeTitle[n.type]}）的PDF文件缺失或已被改动，卷宗未生成；请管理员核查`);
    }
    if (formSha && (await vault.check(formSha)) !== 'ok') throw new DomainError('CONFLICT', `已存档的${REGISTRATION_FORM_TITLE}PDF文件缺失或已被改动，卷宗未生成；请管理员核查`);
  }

  function printer(): PdfPrinter {
    if (!deps.pdf) throw new DomainError('INTERNAL', '本机未配置文书打印引擎，无法生成卷宗；请联系管理员');
    return deps.pdf;
  }

  async function printPart(part: DossierPart, caseNo: string): Promise<PDFDocument> {
    const pdf = await printer().printToPdf(await dossierPartHtml(part, caseNo), { pageSize: 'A4' });
    return (await pdfLib()).PDFDocument.load(pdf);
  }

  const storedPdf = async (sha256: string) => (await pdfLib()).PDFDocument.load(await readFile(vault.pathOf(sha256)));

  /** The history in words, with the catalog's names for the codes steps record. */
  function historyOf(c: CaseDetail): DossierPart & { kind: 'history' } {
    const catalog = deps.catalog.get();
    const find = (items: { code: string; text?: string; name?: string }[]) => (code: string) => {
      const item = items.find((i) => i.code === code);
      return item ? (item.text ?? item.name ?? code) : code;
    };
    let handler: string | null = null;
    const rows = c.events.map((e) => {
      const names: Names = {
        refusalGround: find(catalog.refusalGrounds),
        terminationGround: find(catalog.terminationGrounds),
        measure: find([...catalog.measures, ...catalog.retired.filter((r) => r.kind === 'measure')]),
        handlerBefore: handler,
      };
      if (e.type === 'assign' && typeof e.data.handlerName === 'string') handler = e.data.handlerName;
      return { at: e.at, by: e.by?.displayName ?? null, ...describeEvent(e.type, e.data, names) };
    });
    return { kind: 'history', caseNo: c.caseNo, rows };
  }

  function evidenceRows(c: CaseDetail): DossierEvidenceRow[] {
    return c.evidence.map((e, i) => ({
      no: i + 1,
      name: e.name,
      kind: evidenceKindLabel[e.kind],
      source: e.source ? evidenceSourceLabel[e.source] : '',
      captured: e.capturedAt ? dateTime(e.capturedAt) : e.capturedAtRaw ? `${e.capturedAtRaw}（文件自带，未采用）` : '',
      addedBy: e.addedBy.displayName,
      addedAt: dateTime(e.addedAt),
      sha256: e.sha256,
      printed: !e.voided && e.hasThumbnail && previewOf(e.mime) === 'image' ? 'photo' : 'listed',
      voided: e.voided ? `已作废（${dateTime(e.voided.at)}，${e.voided.by.displayName}：${e.voided.reason}）` : null,
    }));
  }

  /** The photos, a print of the engine at a time: memory holds one batch of thumbnails, whatever the case holds. */
  async function printPhotos(c: CaseDetail, rows: DossierEvidenceRow[], into: PDFDocument): Promise<number> {
    const photos = rows.filter((r) => r.printed === 'photo');
    let pages = 0;
    for (let i = 0; i < photos.length; i += PHOTOS_PER_PRINT) {
      const batch: DossierPhoto[] = [];
      for (const r of photos.slice(i, i + PHOTOS_PER_PRINT)) {
        const e = c.evidence[r.no - 1]!;
        const thumb = await deps.evidence.file(e.id, 'thumbnail');
        batch.push({ no: r.no, name: r.name, captured: r.captured, src: `data:image/jpeg;base64,${(await readFile(thumb.path)).toString('base64')}` });
      }
      const doc = await printPart({ kind: 'photos', caseNo: c.caseNo, photos: batch, first: i === 0 }, c.caseNo);
      for (const p of await into.copyPages(doc, doc.getPageIndices())) into.addPage(p);
      pages += doc.getPageCount();
    }
    return pages;
  }

  return {
    list(caseId: number, user: UserView): { versions: DossierVersion[]; canMake: boolean; reason: string | null } {
      const head = headOf(caseId);
      const why = refusal(head, user);
      return { versions: (ofCase.all(caseId) as DossierRow[]).map(toVersion), canMake: !why, reason: why?.message ?? null };
    },

    /** What the transports stream for `GET /files/dossiers/<id>.pdf`. */
    file(id: number) {
      const r = one.get(id) as DossierRow | undefined;
      if (!r) throw new DomainError('NOT_FOUND', `未找到编号为 ${id} 的卷宗`);
      return { id: r.id, caseNo: r.case_no, version: r.version, fileName: fileNameOf(r), sha256: r.sha256, size: r.size };
    },

    async make(caseId: number, user: UserView) {
      const head = headOf(caseId);
      const why = refusal(head, user);
      if (why) throw new DomainError(why.code, why.message);
      printer();
      const c = deps.getCase(caseId, user);
      const formEvent = c.events.filter((e) => e.type === 'registrationFormPrinted' && typeof e.data.sha256 === 'string').at(-1);
      const formSha = formEvent ? String(formEvent.data.sha256) : null;
      await refuseUnlessWhole(c, formSha);

      const instant = clock.instant();
      const today = clock.dateOf(instant);
      const anchor = integrityAnchor(audit);
      const office = deps.office.get();
      const version = ((lastVersion.get(caseId) as number | null) ?? 0) + 1;
      const keep = retention();

      // The body of the file, in order; the cover and contents go before it once its pages are known.
      const body: Printed[] = [];
      const form = formSha
        ? await storedPdf(formSha)
        : await (await pdfLib()).PDFDocument.load((await printRegistrationForm(deps.pdf, registrationFormOf(c, { office: office.name, today, anchor }), { bodyFont: null })).pdf);
      body.push({ title: REGISTRATION_FORM_TITLE, number: null, date: formEvent?.at ?? today, note: formSha ? null : '立卷时打印', doc: form, listed: true });
      for (const n of c.notices) {
        const note = n.supersededBy ? `已由${n.supersededBy.number}更正` : n.supersedes ? `更正${n.supersedes.number}` : null;
        body.push({ title: noticeTitle[n.type], number: n.number, date: n.issuedAt, note, doc: await storedPdf(n.sha256), listed: true });
      }
      body.push({ title: '案件经过', number: null, date: null, note: `${c.events.length} 项记录`, doc: await printPart(historyOf(c), c.caseNo), listed: true });
      const origin = c.checklistOrigin ? `按“${c.category.name}”类调查清单（第 ${c.checklistOrigin.version} 版）` : null;
      const checklist = c.checklist.map((i) => ({
        text: i.text,
        state: checklistStateLabel[i.state],
        note: i.note,
        marked: i.markedBy && i.markedAt ? `${i.markedBy.displayName} ${dateTime(i.markedAt)}` : null,
        evidence: i.evidenceIds.length ? `关联证据：${i.evidenceIds.map((id) => c.evidence.findIndex((e) => e.id === id) + 1).filter((n) => n > 0).join('、')}` : null,
      }));
      body.push({ title: '调查清单', number: null, date: null, note: null, doc: await printPart({ kind: 'checklist', caseNo: c.caseNo, origin, rows: checklist }, c.caseNo), listed: true });
      const rows = evidenceRows(c);
      const photoCount = rows.filter((r) => r.printed === 'photo').length;
      body.push({ title: '证据清单', number: null, date: null, note: `${rows.length} 项`, doc: await printPart({ kind: 'evidence', caseNo: c.caseNo, rows }, c.caseNo), listed: true });
      if (photoCount > 0) {
        const photos = await (await pdfLib()).PDFDocument.create();
        await printPhotos(c, rows, photos);
        body.push({ title: '证据照片', number: null, date: null, note: `${photoCount} 张`, doc: photos, listed: true });
      }

      const closedOn = c.closedOn ?? c.refusal?.approval?.at.slice(0, 10) ?? null;
      const cover = await printPart(
        {
          kind: 'cover',
          cover: {
            office: office.name,
            caseNo: c.caseNo,
            title: `${c.complainant.name}投诉${c.respondent.name}${c.subject}案`,
            complainant: c.complainant.name,
            respondent: c.respondent.name,
            cause: c.natures.length ? `${c.category.name}（${c.natures.map((n) => n.name).join('、')}）` : c.category.name,
            receivedOn: c.receivedAt.slice(0, 10),
            closedOn,
            closedAs: c.status === 'refused' ? '不予受理' : '结案',
            handler: c.handler?.displayName ?? c.refusal?.proposedBy.displayName ?? '',
            retention: keep,
            archivedOn: today,
            version,
          },
        },
        c.caseNo,
      );
      if (cover.getPageCount() !== 1) throw new Error(`the 卷宗's cover came out on ${cover.getPageCount()} pages`);

      // The 卷内目录 lists pages it is itself among: printed with room for the numbers first, then with them.
      const closingRow = { title: '备考表', pages: 1 };
      const contentsRows = (start: number): DossierContentsRow[] => {
        let at = start;
        const listed = body.map((p, i) => {
          const from = at;
          at += p.doc.getPageCount();
          return { no: i + 1, number: p.number, title: p.title, date: p.date, from, to: at - 1, note: p.note };
        });
        return [...listed, { no: listed.length + 1, number: null, title: closingRow.title, date: today, from: at, to: at, note: null }];
      };
      const contentsOf = (start: number) => printPart({ kind: 'contents', caseNo: c.caseNo, rows: contentsRows(start) }, c.caseNo);
      let contentsPages = (await contentsOf(9999)).getPageCount();
      let contents = await contentsOf(2 + contentsPages);
      if (contents.getPageCount() !== contentsPages) {
        contentsPages = contents.getPageCount();
        contents = await contentsOf(2 + contentsPages);
        if (contents.getPageCount() !== contentsPages) throw new Error('the 卷内目录 changed its length with its page numbers');
      }
      const total = 1 + contentsPages + body.reduce((n, p) => n + p.doc.getPageCount(), 0) + closingRow.pages;
      const closing = await printPart(
        {
          kind: 'closing',
          closing: {
            caseNo: c.caseNo,
            pages: total,
            documents: body.filter((p) => p.listed).length + 1,
            evidence: rows.length,
            photos: photoCount,
            listedOnly: rows.length - photoCount,
            compiledBy: user.displayName,
            compiledOn: today,
            version,
            anchor,
          },
        },
        c.caseNo,
      );
      if (closing.getPageCount() !== closingRow.pages) throw new Error(`the 备考表 came out on ${closing.getPageCount()} pages`);

      const bound = await (await pdfLib()).PDFDocument.create();
      bound.setTitle(`卷宗 ${c.caseNo}（第${version}版）`);
      bound.setAuthor(office.name);
      bound.setCreationDate(instant);
      bound.setModificationDate(instant);
      for (const part of [cover, contents, ...body.map((p) => p.doc), closing]) {
        for (const p of await bound.copyPages(part, part.getPageIndices())) bound.addPage(p);
      }
      if (bound.getPageCount() !== total) throw new Error(`the 卷宗 has ${bound.getPageCount()} pages, its contents count ${total}`);
      // Numbered through: each page's number printed by the same engine, laid over it.
      const numbers = await (await pdfLib()).PDFDocument.load(await printer().printToPdf(pageNumbersHtml(total), { pageSize: 'A4' }));
      if (numbers.getPageCount() !== total) throw new Error(`the page numbers came out on ${numbers.getPageCount()} pages for ${total}`);
      const stamps = await bound.embedPdf(numbers, numbers.getPageIndices());
      bound.getPages().forEach((page, i) => {
        const { width, height } = page.getSize();
        const stamp = stamps[i]!;
        page.drawPage(stamp, { x: width - stamp.width, y: height - stamp.height });
      });
      const bytes = await bound.save();

      // The PDF is in the vault before any row names it; a PDF whose row never came is only an unused file.
      const stored = await vault.putBuffer(bytes);
      return db
        .transaction(() => {
          const at = clock.now();
          const v = ((lastVersion.get(caseId) as number | null) ?? 0) + 1;
          if (v !== version) throw new DomainError('CONFLICT', `生成期间本案已有人生成了第 ${version} 版卷宗，本次未保存，请刷新后查看`);
          const { lastInsertRowid } = insert.run({ caseId, version: v, sha256: stored.sha256, size: stored.size, pages: total, retention: keep, anchor, userId: user.id, at });
          const fileName = fileNameOf({ case_no: c.caseNo, version: v });
          const data = { dossierId: Number(lastInsertRowid), version: v, sha256: stored.sha256, pages: total, retention: keep, fileName };
          events.record({ caseId, at, userId: user.id, type: 'dossierMade', data });
          audit.append({ at, userId: user.id, action: 'dossier.make', entity: 'case', entityId: caseId, data: { caseNo: c.caseNo, version: v, sha256: stored.sha256, pages: total } });
          return { id: Number(lastInsertRowid), version: v, sha256: stored.sha256, pages: total, size: stored.size, fileName };
        })
        .immediate();
    },
  };
}
export type Dossiers = ReturnType<typeof createDossiers>;
