import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { fixedClock, minimalComplaint, openRegister, quietLog, tempDir, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * 典型案例 (issue [H]) on a real register: a realistic case worked from the counter to 结案, with
 * the parties' names, phones, ID number, address and an order number written into its free text.
 */
let reg: Register;
let staff: Staff;
let closedId: number;
let openId: number;

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

const PARTY = {
  name: '欧阳娜娜',
  idNumber: '330106199001010034',
  phone: '13812345678',
  address: '浙江省杭州市西湖区文三路90号3幢201室',
};
const BUSINESS = { name: '杭州美家电器有限公司', contactPerson: '李强', phone: '0571-88886666', address: '杭州市拱墅区莫干山路100号' };
const SECRETS = ['王建国', '13900001111', '欧阳娜娜', '娜娜', '李强', '13812345678', '88886666', '330106199001010034', '199001010034', '文三路90号', '莫干山路100号', 'DD20261001123456', '杭州美家电器有限公司', '美家'];

const worked = (over: Record<string, unknown> = {}) =>
  minimalComplaint({
    receivedAt: at('2026-10-08', '09:30'),
    complainant: { ...PARTY, idType: 'resident' },
    respondent: BUSINESS,
    category: 'G01',
    natures: ['quality'],
    subject: '双开门冰箱',
    purchasedOn: '2026-10-01',
    amountPaidFen: 399_900,
    // Her husband speaks for her (代理人, a field of the registration): his name and phone are the parties' too.
    agent: { name: '王建国', phone: '13900001111', relation: '丈夫' },
    facts: `由其丈夫王建国（13900001111）代为投诉。欧阳娜娜（电话13812345678）于2026年10月1日在杭州美家电器有限公司购买冰箱，订单号：DD20261001123456。使用三天后不制冷，美家电器的店员李强拒绝退货。`,
    request: '退货退款，并按消法第55条赔偿。',
    consentMediation: true,
    consentPublication: true,
    ...over,
  });

beforeAll(async () => {
  reg = await openRegister(fixedClock(at('2026-10-08', '10:00')));
  staff = await withStaff(reg);
  const { clerk, investigator, supervisor } = staff;
  const on = (date: string) => reg.clock.set(at(date, '15:00'));
  closedId = (await clerk.must<{ id: number }>('cases.register', worked())).id;
  openId = (await clerk.must<{ id: number }>('cases.register', worked({ complainant: { name: '王五', phone: '13600003333' } }))).id;
  on('2026-10-09');
  await clerk.act(closedId, 'accept');
  await supervisor.act(closedId, 'assign', { userId: investigator.user.id });
  await investigator.act(closedId, 'startInvestigation');
  await investigator.act(closedId, 'recordContact', { with: 'respondent', how: 'phone', summary: '联系店员李强（0571-88886666），其称欧阳娜娜使用不当。' });
  on('2026-10-12');
  await investigator.act(closedId, 'proposeOutcome', {
    measures: ['refund', 'punitive'],
    recoveredFen: 1_599_600,
    punitiveFen: 1_199_700,
    summary: '经检测为压缩机故障，杭州美家电器有限公司为欧阳娜娜退货退款并三倍赔偿。',
  });
  await supervisor.act(closedId, 'approve', { comment: '同意' });
  await investigator.act(closedId, 'notify');
  on('2026-10-14');
  await investigator.act(closedId, 'followUp', { satisfaction: 5, note: '满意' });
  // A quality case is visited twice (domain.md "A case …" 8).
  await investigator.act(closedId, 'followUp', { satisfaction: 5, note: '冰箱已退' });
  await investigator.act(closedId, 'close');
  on('2026-11-02');
}, 120_000);

afterAll(() => reg?.close());

describe('marking a case as typical', () => {
  it('is refused for a case that is not closed, in Chinese, and changes nothing', async () => {
    const status = await staff.supervisor.must('typical.status', { caseId: openId });
    expect(status).toMatchObject({ marked: null, canMark: false });
    expect(status.reason).toContain('只有已结案的案件');
    const before = await staff.supervisor.get(openId);
    const r = await staff.supervisor.call('typical.mark', { caseId: openId });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_TRANSITION');
      expect(r.error.message).toContain('已登记待受理');
    }
    expect((await staff.supervisor.get(openId)).version).toBe(before.version);
  });

  it('is for supervisors and administrators only', async () => {
    for (const who of [staff.clerk, staff.investigator]) {
      for (const [op, input] of [
        ['typical.mark', { caseId: closedId }],
        ['typical.list', {}],
        ['typical.draft', { caseId: closedId }],
        ['typical.export', { caseId: closedId, nameBusiness: false, format: 'text', title: '标题', body: '正文' }],
      ] as const) {
        const r = await who.call(op, input);
        expect(r.ok ? 'ok' : r.error.code, `${who.user.username} ${op}`).toBe('FORBIDDEN');
      }
    }
    // Anyone may ask whether a case is typical; the core says who may mark it.
    expect(await staff.clerk.must('typical.status', { caseId: closedId })).toMatchObject({ canMark: false, reason: '只有负责人或管理员可以标记典型案例' });
  });

  it('a closed case is marked once, on its timeline and the audit log', async () => {
    expect(await staff.supervisor.must('typical.status', { caseId: closedId })).toMatchObject({ marked: null, canMark: true, reason: null });
    const { markedAt } = await staff.supervisor.must('typical.mark', { caseId: closedId });
    expect(markedAt).toBe(at('2026-11-02', '15:00'));
    const c = await staff.supervisor.get(closedId);
    expect(c.status).toBe('closed');
    expect(c.events.at(-1)).toMatchObject({ type: 'typical_marked', by: { displayName: '孙主任' } });
    expect(await staff.admin.must('typical.status', { caseId: closedId })).toMatchObject({ marked: { at: markedAt, by: { displayName: '孙主任' } }, canMark: false });
    const again = await staff.supervisor2.call('typical.mark', { caseId: closedId });
    expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');
    const audit = reg.core.db.prepare("SELECT user_id, entity_id FROM audit_log WHERE action = 'typical.mark'").all();
    expect(audit).toEqual([{ user_id: staff.supervisor.user.id, entity_id: closedId }]);
    const list = await staff.admin.must('typical.list', {});
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({ caseId: closedId, subject: '双开门冰箱', categoryName: '家用电子电器', closedOn: '2026-10-14', exports: 0, title: null });
  });

  it('an unknown case is 404 and an id that is no id is 400', async () => {
    expect(await staff.supervisor.call('typical.mark', { caseId: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await staff.supervisor.call('typical.mark', { caseId: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('the write-up', () => {
  it('is drafted from the record with the parties anonymised: facts, handling and outcome', async () => {
    const d = await staff.supervisor.must('typical.draft', { caseId: closedId });
    expect(d).toMatchObject({ nameBusiness: false, saved: null, consentPublication: true, exports: [] });
    expect(d.title).toBe('双开门冰箱质量纠纷案');
    expect(d.pseudonyms).toEqual([
      { role: '投诉人', shown: '欧阳某' },
      { role: '委托代理人', shown: '王某' },
      { role: '被投诉方', shown: '某电器有限公司' },
      { role: '被投诉方联系人', shown: '李某' },
    ]);
    expect(d.body).toContain('【基本案情】');
    expect(d.body).toContain('2026年10月8日，消费者欧阳某向本会投诉称：2026年10月1日，欧阳某在某电器有限公司购买双开门冰箱，支付3999.00元。');
    expect(d.body).toContain('订单号：****************');
    expect(d.body).toContain('本会工作人员以电话方式联系某电器有限公司：联系店员李某（0571-****6666），其称欧阳某使用不当。');
    expect(d.body).toContain('处理结果：退货退款、加倍赔偿。经本会处理，为消费者挽回经济损失15996.00元，其中加倍赔偿11997.00元。本案于2026年10月14日结案。');
    for (const secret of SECRETS) expect(`${d.title}\n${d.body}`).not.toContain(secret);
  });

  it('names the business when the supervisor chooses to', async () => {
    const d = await staff.supervisor.must('typical.draft', { caseId: closedId, nameBusiness: true });
    expect(d.body).toContain('在杭州美家电器有限公司购买');
    expect(d.body).not.toContain('欧阳娜娜');
  });

  it('exports the edited text: no name, phone or ID number of the parties survives, and the export is recorded', async () => {
    const d = await staff.supervisor.must('typical.draft', { caseId: closedId });
    const body = d.body.replace('（请填写本案的意义与给消费者的提示）', '消费者购买大家电时应保留订单与票据。');
    const out = await staff.supervisor.must('typical.export', { caseId: closedId, nameBusiness: false, format: 'text', title: d.title, body });
    expect(out.fileName).toMatch(/^典型案例-.+\.txt$/);
    expect(out.text.startsWith('双开门冰箱质量纠纷案\n\n【基本案情】')).toBe(true);
    expect(out.text).toContain('消费者购买大家电时应保留订单与票据。');
    expect(out.text.endsWith('杭州市消费者协会\n2026年11月2日\n')).toBe(true);
    for (const secret of SECRETS) expect(out.text).not.toContain(secret);
    expect(out.text).not.toMatch(/1[3-9]\d{9}/);
    expect(out.text).not.toMatch(/\d{17}[\dX]/);

    const c = await staff.supervisor.get(closedId);
    const event = c.events.at(-1);
    expect(event).toMatchObject({ type: 'typical_exported', by: { displayName: '孙主任' }, data: { format: 'text', title: d.title, exported: out.text } });
    const again = await staff.supervisor.must('typical.draft', { caseId: closedId });
    expect(again.body).toBe(body);
    expect(again.saved).toMatchObject({ by: { displayName: '孙主任' } });
    expect(again.exports).toEqual([{ at: out.exportedAt, by: { id: staff.supervisor.user.id, displayName: '孙主任' }, format: 'text', title: d.title }]);
    expect((await staff.admin.must('typical.list', {})).rows[0]).toMatchObject({ exports: 1, lastExportedAt: out.exportedAt, title: d.title });
    expect((await staff.admin.must('audit.verify', {})).ok).toBe(true);
  });

  it('refuses an edit that puts a party back in, whichever way the number is written, and keeps nothing of it', async () => {
    const before = await staff.supervisor.must('typical.draft', { caseId: closedId });
    for (const leak of ['投诉人欧阳娜娜', '电话 138 1234 5678', '身份证330106199001010034', '杭州美家电器有限公司']) {
      const r = await staff.supervisor.call('typical.export', { caseId: closedId, nameBusiness: false, format: 'document', title: before.title, body: `${before.body}\n${leak}` });
      expect(r.ok, leak).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.message).toContain('文稿中仍有当事人的个人信息');
      }
      const saved = await staff.supervisor.call('typical.save', { caseId: closedId, nameBusiness: false, title: before.title, body: `${before.body}\n${leak}` });
      expect(saved.ok).toBe(false);
    }
    const after = await staff.supervisor.must('typical.draft', { caseId: closedId });
    expect(after.body).toBe(before.body);
    expect(after.exports).toHaveLength(1);
  });

  it('validates the write-up in Chinese', async () => {
    const r = await staff.supervisor.call('typical.save', { caseId: closedId, nameBusiness: false, title: '  ', body: '正文' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toContain('请填写标题');
    const format = await staff.supervisor.call('typical.export', { caseId: closedId, nameBusiness: false, format: 'pdf', title: 't', body: 'b' });
    expect(format.ok).toBe(false);
    if (!format.ok) expect(format.error.message).toContain('导出格式');
    const unmarked = await staff.supervisor.call('typical.draft', { caseId: openId });
    expect(unmarked).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });

  it('is refused for a case whose complainant did not agree to publication', async () => {
    const { clerk, supervisor } = staff;
    const id = (await clerk.must<{ id: number }>('cases.register', worked({ consentPublication: false, complainant: { name: '赵六', phone: '13500004444' } }))).id;
    await clerk.act(id, 'refuse', { grounds: ['3'], reason: '系经营性采购' });
    await supervisor.act(id, 'approve', { comment: '同意' });
    // A refused case is not closed: it has no handling to publish.
    expect((await supervisor.must('typical.status', { caseId: id })).reason).toContain('不予受理');
    reg.core.db.prepare("UPDATE cases SET status = 'closed' WHERE id = ?").run(id);
    const r = await supervisor.call('typical.mark', { caseId: id });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '投诉人登记时不同意公开，本案不能作为典型案例发布' } });
  });
});

describe('migration typical-cases', () => {
  it('adds the table to a register that holds cases, keeping them (N−1 → N)', async () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'before-typical.sqlite');
      const db = new Database(file);
      const index = migrations.findIndex((m) => m.name === 'typical-cases');
      expect(index).toBe(14);
      await migrate(db, file, quietLog, migrations.slice(0, index));
      db.exec(`
        INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('admin', '王管理', 'admin', 'x', '2026-11-01T09:00:00+08:00');
        INSERT INTO respondents (name, created_at) VALUES ('某某公司', '2026-11-01T09:00:00+08:00');
        INSERT INTO cases (case_no, received_at, received_on, channel, category, status, complainant_name, complainant_id_type, complainant_phone,
          respondent_id, subject, facts, request, consent_mediation, rule_set, registered_by, created_at, updated_at, closed_on)
        VALUES ('TS2026-00001', '2026-11-02T09:00:00+08:00', '2026-11-02', 'visit', 'G01', 'closed', '张三', 'resident', '13812345678',
          1, '电视', '坏了', '退货', 1, 'order121', 1, '2026-11-02T09:00:00+08:00', '2026-11-02T09:00:00+08:00', '2026-11-20');
      `);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'typical_cases'").get()).toBeUndefined();
      await migrate(db, file, quietLog, migrations.slice(0, index + 1));
      expect(db.pragma('user_version', { simple: true })).toBe(index + 1);
      expect(db.prepare('SELECT case_no, status FROM cases').all()).toEqual([{ case_no: 'TS2026-00001', status: 'closed' }]);
      expect(db.prepare('SELECT COUNT(*) FROM typical_cases').pluck().get()).toBe(0);
      db.prepare("INSERT INTO typical_cases (case_id, marked_at, marked_by) VALUES (1, '2026-11-21T09:00:00+08:00', 1)").run();
      expect(() => db.prepare("INSERT INTO typical_cases (case_id, marked_at, marked_by) VALUES (1, '2026-11-21T09:00:00+08:00', 1)").run()).toThrow();
      // The list reads its page from the marking index, not the register.
      const plan = db.prepare('EXPLAIN QUERY PLAN SELECT case_id FROM typical_cases ORDER BY marked_at DESC, case_id DESC LIMIT 50').all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('typical_cases_marked');
      db.close();
    } finally {
      tmp.remove();
    }
  });
});

describe('undoing a marking', () => {
  it('needs a reason, keeps the saved write-up on the timeline, and lets the case be marked again', async () => {
    const saved = await staff.supervisor.must('typical.draft', { caseId: closedId });
    expect(await staff.investigator.call('typical.unmark', { caseId: closedId, reason: '误点' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await staff.supervisor.call('typical.unmark', { caseId: closedId, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('撤销原因') } });
    expect(await staff.supervisor.must('typical.unmark', { caseId: closedId, reason: '案情与已发布的案例重复' })).toEqual({ ok: true });
    const c = await staff.supervisor.get(closedId);
    expect(c.events.at(-1)).toMatchObject({ type: 'typical_unmarked', data: { reason: '案情与已发布的案例重复', title: saved.title, body: saved.body, exports: 1 } });
    expect((await staff.admin.must('typical.list', {})).total).toBe(0);
    expect(await staff.supervisor.call('typical.unmark', { caseId: closedId, reason: '再撤一次' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(await staff.supervisor.must('typical.status', { caseId: closedId })).toMatchObject({ marked: null, canMark: true });
    await staff.supervisor.must('typical.mark', { caseId: closedId });
    expect((await staff.admin.must('typical.list', {})).total).toBe(1);
    expect((await staff.admin.must('audit.verify', {})).ok).toBe(true);
  });
});
