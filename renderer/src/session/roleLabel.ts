import type { Role } from '../../../shared/api/schemas/common';

/** Role names as the office says them (the contract's role error message uses the same words). */
export const roleLabel: Record<Role, string> = {
  clerk: '登记员',
  investigator: '调查员',
  supervisor: '负责人',
  admin: '管理员',
};
