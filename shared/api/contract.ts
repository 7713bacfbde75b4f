import type { z } from 'zod';
import { sessionChangePassword, sessionLogin, sessionLogout, sessionMe, setupInit, setupStatus, usersCreate, usersList, usersResetPassword } from './schemas/auth';
import { auditVerify } from './schemas/audit';
import { catalogGet } from './schemas/catalog';
import { casesGet, casesRegister, casesSearch, respondentsSearch } from './schemas/cases';
import type { Role } from './schemas/common';
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
  'audit.verify': op('核验审计日志的哈希链（管理员、负责人）', ['admin', 'supervisor'], auditVerify),
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
