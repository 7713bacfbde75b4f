import { createCore, type Core } from '../../electron/core';
import type { Clock } from '../../electron/core/ports';
import { quietLog, tempDir } from '../core/harness';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];
const CITIES = ['杭州', '宁波', '温州', '嘉兴', '湖州', '绍兴', '金华', '衢州', '舟山', '台州', '丽水'];
const TRADES = ['电器', '家具', '健身', '旅行社', '汽车销售', '装饰工程', '教育咨询', '通信', '餐饮', '美容'];
const SUBJECTS = ['液晶电视', '冰箱', '空调', '手机', '健身卡', '跟团游', '二手车', '装修工程', '培训课程', '预付卡', '外卖', '宽带'];
const FACTS = ['购买后不久出现质量问题，商家拒绝退换', '商家关门跑路，预付款无法退还', '实际服务与宣传不符', '多次维修仍无法正常使用', '被强制消费并收取额外费用'];
const CATEGORIES = ['G01', 'G06', 'S01', 'S02', 'S03', 'S04', 'S06', 'S07', 'S11', 'G09'];

/** A deterministic pseudo-random sequence, so every run measures the same register. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * A register of `count` cases made through the real cases.register handler, spread over two
 * years, with respondents reused as in an office. Durability is relaxed for the build-up only.
 */
export async function generatedRegister(count: number): Promise<{ core: Core; token: string; investigatorToken: string; workedCaseId: number; remove(): void }> {
  const tmp = tempDir('complaintdesk-bench-');
  let now = new Date('2025-01-02T09:00:00+08:00');
  const clock: Clock = { now: () => now };
  const core = await createCore({ dataDir: tmp.dir, clock, log: quietLog });
  core.db.pragma('synchronous = OFF');
  await core.call('setup.init', { officeName: '基准测试协会', admin: { username: 'admin', displayName: '管理员', password: 'bench-pass-1' } }, null);
  const login = await core.call('session.login', { username: 'admin', password: 'bench-pass-1' }, null);
  if (!login.ok) throw new Error('login failed');
  const { token } = login.value as { token: string };
  // The generator's clock runs over two years; a session idle for more than 12 h of it lapses, so sign in again.
  const tokens: Record<string, string> = { admin: token };
  const as = async (username: string, name: string, input: unknown) => {
    let r = await core.call(name, input, tokens[username] ?? null);
    if (!r.ok && r.error.code === 'UNAUTHENTICATED') {
      const again = await core.call('session.login', { username, password: 'bench-pass-1' }, null);
      if (!again.ok) throw new Error(`login of ${username} failed`);
      tokens[username] = (again.value as { token: string }).token;
      r = await core.call(name, input, tokens[username]!);
    }
    if (!r.ok) throw new Error(`${name} failed: ${r.error.message}`);
    return r.value as any;
  };
  const investigators: number[] = [];
  for (const n of [1, 2, 3]) investigators.push((await as('admin', 'users.create', { username: `inv${n}`, displayName: `调查员${n}`, password: 'bench-pass-1', role: 'investigator' })).id);
  await as('admin', 'users.create', { username: 'sup', displayName: '负责人', password: 'bench-pass-1', role: 'supervisor' });
  let workedCaseId = 0;
  const next = rng(20261123);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const span = 700 * 86_400_000;
  for (let i = 0; i < count; i++) {
    now = new Date(Date.parse('2025-01-02T09:00:00+08:00') + Math.floor((i / count) * span));
    const r = await as(
      'admin',
      'cases.register',
      {
        channel: pick(['visit', 'phone', 'online', 'letter']),
        complainant: { name: pick([...SURNAMES]) + pick(GIVEN), phone: `13${String(Math.floor(next() * 1e9)).padStart(9, '0')}` },
        respondent: { name: `${pick(CITIES)}${pick(['星辰', '华联', '东方', '恒信', '佳美', '万达', '新世纪'])}${pick(TRADES)}有限公司` },
        category: pick(CATEGORIES),
        natures: ['quality'],
        subject: pick(SUBJECTS),
        facts: `${pick(FACTS)}，第${i}号投诉。`,
        request: '退款并赔偿损失',
        consentMediation: next() > 0.2,
      },
    );
    // Most cases move on through the workflow, so the deadline lists read a realistic mix of clocks.
    const id = (r as { id: number }).id;
    let version = 1;
    const act = async (action: string, fields: Record<string, unknown> = {}) => {
      await as('sup', 'cases.act', { id, version, action, ...fields });
      version++;
    };
    const roll = next();
    if (roll < 0.1) continue; // still waiting for the acceptance decision
    if (roll < 0.15) {
      await act('refer', { to: '区市场监督管理局', reason: '属行政处理' });
      continue;
    }
    await act('accept');
    await act('assign', { userId: pick(investigators) });
    await act('startInvestigation');
    if (next() < 0.4) await act('recordContact', { with: 'respondent', how: 'phone', summary: '转交经营者', transfer: true });
    if (next() < 0.5) continue;
    await act('proposeOutcome', { measures: ['refund'], recoveredFen: Math.floor(next() * 100000), summary: '退款' });
    // One proposal in ten is sent back to its handler (the 被退回 queue), by another 负责人 than the proposer.
    if (i % 10 === 3) {
      await as('admin', 'cases.act', { id, version, action: 'sendBack', comment: '请补充凭证' });
      version++;
    }
    workedCaseId = id;
  }
  core.db.pragma('synchronous = FULL');
  // Fresh sessions at the generator's last instant, for the queries to come.
  await as('admin', 'session.me', {});
  await as('inv1', 'session.me', {});
  return {
    core,
    token: tokens.admin!,
    investigatorToken: tokens.inv1!,
    workedCaseId,
    remove() {
      core.close();
      tmp.remove();
    },
  };
}
