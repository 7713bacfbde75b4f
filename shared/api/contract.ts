import type { z } from 'zod';
import { sessionChangePassword, sessionLogin, sessionLogout, sessionMe, setupInit, setupStatus, usersCreate, usersList, usersResetPassword } from './schemas/auth';
import { calendarGet, calendarSaveYear, clockToday, ruleSetsList, ruleSetsSave, sessionUnlock, settingsGet, settingsUpdate, usersAssignable, usersSetDisabled } from './schemas/admin';
import { catalogGet } from './schemas/catalog';
import { casesGet, casesRegister, casesSearch, respondentsSearch } from './schemas/cases';
import type { Role } from './schemas/common';
import { noticesFile, noticesGet, noticesIssue, noticesLogPrint, noticesPreview } from './schemas/notices';
import { officeGet, officeSetSeal, officeUpdate } from './schemas/office';
import { casesAct } from './schemas/workflow';
import type { OperationName } from './operationNames';

export { operationNames, type OperationName } from './operationNames';

/**
 * Who may call an operation: 'public' needs no session (first-run setup and login only),
 * 'user' any signed-in user, or a list of roles.
 */
export type Access = 'public' | 'user' | readonly Role[];

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  access: Access;
  input: I;
  output: O;
}

const op = <I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  access: Access,
  schemas: { input: I; output: O },
): Operation<I, O> => ({ summary, access, ...schemas });

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
  'cases.get': op('案件详情', 'user', casesGet),
  'cases.search': op('查找案件', 'user', casesSearch),
  'respondents.search': op('按名称查找被投诉方（边输边查）', 'user', respondentsSearch),
  'cases.act': op('办理案件的一步（受理、转办、调查、调解、审批、告知、回访、结案、作废……）', 'user', casesAct),
  'clock.today': op('本单位的今天与现在（由本机服务的时钟决定）', 'user', clockToday),
  'ruleSets.list': op('时限规则集（按施行日期）', 'user', ruleSetsList),
  'ruleSets.save': op('修改或新增时限规则集（管理员）', ['admin'], ruleSetsSave),
  'calendar.get': op('节假日历', 'user', calendarGet),
  'calendar.saveYear': op('录入或修改某年的节假日与调休（管理员）', ['admin'], calendarSaveYear),
  'settings.get': op('办案设置（锁屏时间、回访次数）', 'user', settingsGet),
  'settings.update': op('修改办案设置（管理员）', ['admin'], settingsUpdate),
  'users.setDisabled': op('停用或启用用户（管理员）', ['admin'], usersSetDisabled),
  'users.assignable': op('可指派的调查员及其在办案件数', ['supervisor', 'admin'], usersAssignable),
  'session.unlock': op('锁屏后输入本人密码解锁', 'user', sessionUnlock),
  'notices.issue': op('签发文书：编号、保存PDF与数据快照，此后不再改变', 'user', noticesIssue),
  'notices.preview': op('文书预览：按案件与修改内容生成，不保存、不占用编号', 'user', noticesPreview),
  'notices.get': op('已签发文书的内容（按快照）', 'user', noticesGet),
  'notices.logPrint': op('记录一次打印或另存为PDF', 'user', noticesLogPrint),
  'notices.file': op('已签发文书的PDF文件信息（GET /files/notices/<id>.pdf 使用）', 'user', noticesFile),
  'office.get': op('本单位信息、文号与印章（文书使用）', 'user', officeGet),
  'office.update': op('修改本单位信息、文号与正文字体（管理员）', ['admin'], officeUpdate),
  'office.setSeal': op('上传或移除印章图片（管理员）', ['admin'], officeSetSeal),
} as const satisfies Record<OperationName, Operation>;

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
