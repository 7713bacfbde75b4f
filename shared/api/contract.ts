import type { z } from 'zod';
import { sessionChangePassword, sessionLogin, sessionLogout, sessionMe, setupInit, setupStatus, usersCreate, usersList, usersResetPassword } from './schemas/auth';
import { calendarGet, calendarSaveYear, clockToday, ruleSetsList, ruleSetsSave, sessionUnlock, settingsGet, settingsUpdate, usersAssignable, usersSetDisabled } from './schemas/admin';
import { backupConfigure, backupCreate, backupKeptCopies, backupProgress, backupRemoveKeptCopy, backupRestore, backupStatus, backupVerify } from './schemas/backup';
import { auditVerify, officeKeyRecoveryCode } from './schemas/audit';
import { catalogGet, catalogLists, catalogSaveList, catalogSaveRegions } from './schemas/catalog';
import { casesCorrect, casesGet, casesRegister, casesSearch, respondentsSearch } from './schemas/cases';
import {
  checklistAddItem,
  checklistMark,
  checklistTemplatesList,
  checklistTemplatesSave,
  evidenceDescribe,
  evidenceExport,
  evidenceFile,
  evidenceImport,
  evidenceReportMedia,
  evidenceSettingsGet,
  evidenceSettingsSave,
  evidenceVerify,
  evidenceVoid,
} from './schemas/evidence';
import type { Role } from './schemas/common';
import { noticesFile, noticesGet, noticesIssue, noticesLogPrint, noticesPreview, noticesPrintRegistrationForm } from './schemas/notices';
import { officeGet, officeSetSeal, officeUpdate } from './schemas/office';
import { officeSettingsGet, officeSettingsSaveSection } from './schemas/officeSettings';
import { casesAct } from './schemas/workflow';
import { casesRepeats, complainantsLookup } from './schemas/repeats';
import { intakeReadScreenshot } from './schemas/screenshot';
import { draftsDiscard, draftsGet, draftsList, draftsSave } from './schemas/drafts';
import { statsSummary } from './schemas/stats';
import { enquiriesList, enquiriesLog } from './schemas/enquiries';
import { respondentsGet, respondentsList, respondentsMerge, respondentsUpdate } from './schemas/respondents';
import { exportsCancel, exportsFile, exportsProgress, exportsStart } from './schemas/exports';
import { dossierFile, dossierList, dossierMake } from './schemas/dossier';
import { typicalDraft, typicalExport, typicalList, typicalMark, typicalSave, typicalStatus, typicalUnmark } from './schemas/typical';
import { streamedOperations, type OperationName } from './operationNames';

export { operationNames, streamedOperations, type OperationName } from './operationNames';

/**
 * Who may call an operation: 'public' needs no session (first-run setup and login only),
 * 'user' any signed-in user, or a list of roles.
 */
export type Access = 'public' | 'user' | readonly Role[];

/** 'upload': a file stream comes in beside the input; 'download': the value is a file streamed out. */
export type StreamMode = 'upload' | 'download';

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  access: Access;
  input: I;
  output: O;
  stream?: StreamMode;
}

const op = <I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  access: Access,
  schemas: { input: I; output: O },
  stream?: StreamMode,
): Operation<I, O> => (stream ? { summary, access, ...schemas, stream } : { summary, access, ...schemas });

/**
 * Every operation, declared once (DESIGN.md "One contract, two transports"; ../shared/API.md).
 * Names and fields are a public interface: extend freely, rename only with a README migration note.
 */
export const contract = {
  'setup.status': op('是否已完成首次设置', 'public', setupStatus),
  'setup.init': op('首次设置：单位名称与管理员账号', 'public', setupInit),
  'session.login': op('登录', 'public', sessionLogin),
  'session.logout': op('退出登录', 'user', sessionLogout),
  'session.changePassword': op('修改自己的密码', 'user', sessionChangePassword),
  'session.me': op('当前用户与单位', 'user', sessionMe),
  'users.create': op('新建用户（管理员）', ['admin'], usersCreate),
  'users.list': op('用户列表（管理员）', ['admin'], usersList),
  'users.resetPassword': op('重置用户密码（管理员）', ['admin'], usersResetPassword),
  'catalog.get': op('分类、性质、渠道、不予受理理由', 'user', catalogGet),
  'cases.register': op('登记投诉', 'user', casesRegister),
  'cases.correct': op('更正登记信息：写明原因，时间线保留更正前后的内容（案件编号不变）', 'user', casesCorrect),
  'cases.get': op('案件详情', 'user', casesGet),
  'cases.search': op('查找案件', 'user', casesSearch),
  'respondents.search': op('按名称查找被投诉方（边输边查）', 'user', respondentsSearch),
  'respondents.list': op('被投诉方名录：案件数、在办数、重复投诉数', 'user', respondentsList),
  'respondents.get': op('一个被投诉方的信息与案件数', 'user', respondentsGet),
  'respondents.update': op('修改被投诉方信息（负责人、管理员）', ['supervisor', 'admin'], respondentsUpdate),
  'respondents.merge': op('把重复登记的被投诉方合并为一条（管理员）', ['admin'], respondentsMerge),
  'cases.act': op('办理案件的一步（受理、转办、调查、调解、审批、告知、回访、结案、作废……）', 'user', casesAct),
  'clock.today': op('本单位的今天与现在（由本机服务的时钟决定）', 'user', clockToday),
  'ruleSets.list': op('时限规则集（按施行日期）', 'user', ruleSetsList),
  'ruleSets.save': op('修改或新增时限规则集（管理员）', ['admin'], ruleSetsSave),
  'calendar.get': op('节假日历', 'user', calendarGet),
  'calendar.saveYear': op('录入或修改某年的节假日与调休（管理员）', ['admin'], calendarSaveYear),
  'settings.get': op('办案设置（锁屏时间、回访次数）；保留一个版本，请改用 officeSettings.get', 'user', settingsGet),
  'settings.update': op('修改办案设置（管理员）；保留一个版本，请改用 officeSettings.saveSection', ['admin'], settingsUpdate),
  'officeSettings.get': op('办公设置：本单位、编号、办案、证据、备份、登记、归档各部分的现行值', 'user', officeSettingsGet),
  'officeSettings.saveSection': op('保存办公设置的一部分（管理员）：逐项校验，有误则不作任何改动；每次修改记入审计日志（修改前后）', ['admin'], officeSettingsSaveSection),
  'users.setDisabled': op('停用或启用用户（管理员）', ['admin'], usersSetDisabled),
  'users.assignable': op('可指派的调查员及其在办案件数', ['supervisor', 'admin'], usersAssignable),
  'session.unlock': op('锁屏后输入本人密码解锁', 'user', sessionUnlock),
  'checklist.mark': op('标记调查清单事项：待办、已完成或不适用，附备注与证据', 'user', checklistMark),
  'checklist.addItem': op('为本案增加一项调查清单事项', 'user', checklistAddItem),
  'checklistTemplates.list': op('各类别调查清单模板的现行版本', 'user', checklistTemplatesList),
  'checklistTemplates.save': op('保存某类别的调查清单模板（新版本，管理员）', ['admin'], checklistTemplatesSave),
  'evidence.import': op('导入证据文件（请求体为文件内容；参数 caseId、name、kind 等在查询串中）', 'user', evidenceImport, 'upload'),
  'evidence.file': op('读取证据文件或其缩略图（GET /files/evidence/<id>，支持 Range）', 'user', evidenceFile, 'download'),
  'evidence.describe': op('修改证据的种类、说明、来源或形成时间', 'user', evidenceDescribe),
  'evidence.void': op('作废证据（文件保留在证据库中）', 'user', evidenceVoid),
  'evidence.verify': op('校验证据文件（省略 caseId 时校验整个证据库，仅管理员）', 'user', evidenceVerify),
  'evidence.export': op('导出本案证据到文件夹，附 SHA-256 清单', 'user', evidenceExport),
  'evidence.reportMedia': op('记录页面解码器读出的视频或录音时长与画面尺寸（只补空缺，不改已有值）', 'user', evidenceReportMedia),
  'evidenceSettings.get': op('证据设置：单个文件大小上限', 'user', evidenceSettingsGet),
  'evidenceSettings.save': op('保存证据设置（管理员）', ['admin'], evidenceSettingsSave),
  'backup.status': op('备份设置、最近一次完好的备份与备份记录（管理员）', ['admin'], backupStatus),
  'backup.configure': op('设置备份位置与每日自动备份时间（管理员）', ['admin'], backupConfigure),
  'backup.create': op('立即备份到指定文件夹（管理员）', ['admin'], backupCreate),
  'backup.verify': op('检查一份备份：完整性与每个文件的校验值（管理员）', ['admin'], backupVerify),
  'backup.restore': op('从备份恢复：当前数据移到一旁保留，备份取而代之（管理员）', ['admin'], backupRestore),
  'backup.progress': op('正在进行的备份、检查或恢复的进度（管理员）', ['admin'], backupProgress),
  'backup.keptCopies': op('数据文件夹中留存的副本：升级前的数据文件、恢复前的数据（管理员）', ['admin'], backupKeptCopies),
  'backup.removeKeptCopy': op('删除一份留存的副本，腾出磁盘空间（管理员，须确认）', ['admin'], backupRemoveKeptCopy),
  'audit.verify': op('核验审计日志的哈希链（管理员、负责人）', ['admin', 'supervisor'], auditVerify),
  'exports.start': op('导出 Excel：案件登记簿（按当前筛选）或统计报表，在后台进行', 'user', exportsStart),
  'exports.progress': op('导出的进度', 'user', exportsProgress),
  'exports.cancel': op('取消正在进行的导出', 'user', exportsCancel),
  'exports.file': op('导出完成的文件信息（GET /files/exports/<id>.xlsx 使用）', 'user', exportsFile),
  'catalog.lists': op('管理员编辑的目录（类别、性质、渠道、处理结果），含已停用的', ['admin'], catalogLists),
  'catalog.saveList': op('保存一个目录（管理员）：新增、改名、排序、停用；代码不变，停用的不再供新案件选择', ['admin'], catalogSaveList),
  'catalog.saveRegions': op('保存本会的地区列表（管理员）：改名保留代码，删去的停用', ['admin'], catalogSaveRegions),
  'stats.summary': op('统计：一个期间的受理、解决、挽回损失等数字，按类别、性质、渠道、月份、地区、经办人分列，与上年同期比较', 'user', statsSummary),
  'officeKey.recoveryCode': op('显示办公室密钥的恢复码（管理员，需再次输入密码）', ['admin'], officeKeyRecoveryCode),
  'notices.issue': op('签发文书：编号、保存PDF与数据快照，此后不再改变', 'user', noticesIssue),
  'notices.preview': op('文书预览：按案件与修改内容生成，不保存、不占用编号', 'user', noticesPreview),
  'notices.get': op('已签发文书的内容（按快照）', 'user', noticesGet),
  'notices.logPrint': op('记录一次打印或另存为PDF', 'user', noticesLogPrint),
  'notices.file': op('已签发文书的PDF文件信息（GET /files/notices/<id>.pdf 使用）', 'user', noticesFile),
  'notices.printRegistrationForm': op('打印投诉登记表：按案件现有登记内容生成PDF并存证（SHA-256），不编文号', 'user', noticesPrintRegistrationForm),
  'office.get': op('本单位信息、文号与印章（文书使用）', 'user', officeGet),
  'office.update': op('修改本单位信息、文号与正文字体（管理员）', ['admin'], officeUpdate),
  'office.setSeal': op('上传或移除印章图片（管理员）', ['admin'], officeSetSeal),
  'cases.repeats': op('重复投诉：同一投诉人（证件号码或电话）在本会规定天数内对同一经营者的投诉', 'user', casesRepeats),
  'intake.readScreenshot': op('从截图识别：读出订单、小票或发票截图上的商家、商品、实付金额、日期和订单号，供登记时核对采用（不保存图片）', 'user', intakeReadScreenshot),
  'complainants.lookup': op('回头投诉人：按电话或证件号码查找登记簿中已有的投诉人及其以往投诉', 'user', complainantsLookup),
  'enquiries.log': op('咨询登记：记录一次不构成投诉的咨询（时间、渠道、事项、答复，可留姓名电话）', 'user', enquiriesLog),
  'enquiries.list': op('咨询记录：某段日期内的咨询，最新的在前，分页', 'user', enquiriesList),
  'drafts.save': op('保存草稿：本人正在填写的表单（每人每张表单一份，后存的替换先存的）', 'user', draftsSave),
  'drafts.list': op('本人的草稿列表（最新的在前），附投诉人与事由摘要', 'user', draftsList),
  'drafts.get': op('读取本人某张表单的草稿（没有时为 null）', 'user', draftsGet),
  'drafts.discard': op('丢弃本人某张表单的草稿', 'user', draftsDiscard),
  'typical.status': op('典型案例：本案是否已标记，当前用户能否标记', 'user', typicalStatus),
  'typical.mark': op('把已结案的案件标记为典型案例（负责人、管理员）', ['supervisor', 'admin'], typicalMark),
  'typical.unmark': op('撤销典型案例标记，写明原因；已保存的文稿记入案件时间线（负责人、管理员）', ['supervisor', 'admin'], typicalUnmark),
  'typical.list': op('典型案例列表：最近标记的在前（负责人、管理员）', ['supervisor', 'admin'], typicalList),
  'typical.draft': op('典型案例文稿：已保存的文稿，或按案件记录生成、当事人已匿名的初稿（负责人、管理员）', ['supervisor', 'admin'], typicalDraft),
  'typical.save': op('保存典型案例文稿（负责人、管理员）', ['supervisor', 'admin'], typicalSave),
  'typical.export': op('导出典型案例文稿（文本或文档），记入案件时间线与审计日志；仍含当事人姓名、电话、证件号码的不予导出（负责人、管理员）', ['supervisor', 'admin'], typicalExport),
  'dossier.make': op('生成卷宗：已结案或不予受理的案件，按归档顺序装订为一个PDF并存证（SHA-256）；再次生成为新版本，旧版本保留（负责人、管理员、本案承办人）', 'user', dossierMake),
  'dossier.list': op('本案卷宗的各个版本（最新的在前），以及当前用户能否生成', 'user', dossierList),
  'dossier.file': op('卷宗PDF的文件信息（GET /files/dossiers/<id>.pdf 使用）', 'user', dossierFile),
} as const satisfies Record<OperationName, Operation>;

// The streamed list beside the names and the `stream` of each operation say the same.
for (const [name, operation] of Object.entries(contract) as [OperationName, Operation][]) {
  const listed = (streamedOperations as Record<string, StreamMode | undefined>)[name];
  if (listed !== operation.stream) throw new Error(`operation ${name}: stream ${operation.stream} but listed as ${listed}`);
}

// Every listed name has an operation (above) and every operation is listed (here).
type Unlisted = Exclude<keyof typeof contract, OperationName>;
const everyOperationListed: Unlisted extends never ? true : Unlisted = true;
void everyOperationListed;

export type Contract = typeof contract;
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OperationName> = z.output<Contract[K]['output']>;

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function streamOf(name: OperationName): StreamMode | undefined {
  return (contract[name] as Operation).stream;
}
