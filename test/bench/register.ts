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
export async function generatedRegister(count: number): Promise<{ core: Core; token: string; remove(): void }> {
  const tmp = tempDir('complaintdesk-bench-');
  let now = new Date('2025-01-02T09:00:00+08:00');
  const clock: Clock = { now: () => now };
  const core = await createCore({ dataDir: tmp.dir, clock, log: quietLog });
  core.db.pragma('synchronous = OFF');
  await core.call('setup.init', { officeName: '基准测试协会', admin: { username: 'admin', displayName: '管理员', password: 'bench-pass-1' } }, null);
  const login = await core.call('session.login', { username: 'admin', password: 'bench-pass-1' }, null);
  if (!login.ok) throw new Error('login failed');
  const { token } = login.value as { token: string };
  const next = rng(20261123);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const span = 700 * 86_400_000;
  for (let i = 0; i < count; i++) {
    now = new Date(Date.parse('2025-01-02T09:00:00+08:00') + Math.floor((i / count) * span));
    const r = await core.call(
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
      token,
    );
    if (!r.ok) throw new Error(`register failed: ${r.error.message}`);
  }
  core.db.pragma('synchronous = FULL');
  return {
    core,
    token,
    remove() {
      core.close();
      tmp.remove();
    },
  };
}
