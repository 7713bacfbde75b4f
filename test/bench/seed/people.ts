import { landline, mobilePhone, residentId } from './identity';
import { Weighted, zipfWeights, type Random } from './random';

/**
 * Complainants as a Hangzhou desk meets them: surnames by their real frequency, given names of one
 * or two characters, mobile phones, resident ID numbers that pass GB 11643, home districts.
 */

/**
 * Surnames with their share of the population in per mille (公安部户政管理研究中心《二〇二〇年全国
 * 姓名报告》 and the 2019 report's top 100, rounded); the tail shares the rest. [L: approximate]
 */
const SURNAMES: readonly [string, number][] = [
  ['王', 71.2], ['李', 70.0], ['张', 67.4], ['刘', 51.0], ['陈', 46.1], ['杨', 32.2], ['黄', 24.5], ['赵', 22.9], ['吴', 20.5], ['周', 20.4],
  ['徐', 16.7], ['孙', 15.4], ['马', 14.8], ['朱', 14.2], ['胡', 13.1], ['郭', 11.8], ['何', 11.5], ['林', 11.3], ['高', 10.8], ['罗', 10.1],
  ['郑', 9.8], ['梁', 8.6], ['谢', 7.6], ['宋', 7.3], ['唐', 7.2], ['许', 6.3], ['韩', 6.2], ['冯', 6.1], ['邓', 6.1], ['曹', 6.0],
  ['彭', 5.6], ['曾', 5.4], ['肖', 5.3], ['田', 5.1], ['董', 5.0], ['袁', 4.9], ['潘', 4.8], ['于', 4.7], ['蒋', 4.7], ['蔡', 4.6],
  ['余', 4.4], ['杜', 4.3], ['叶', 4.2], ['程', 4.1], ['苏', 4.0], ['魏', 3.9], ['吕', 3.8], ['丁', 3.7], ['任', 3.6], ['沈', 3.5],
  ['姚', 3.4], ['卢', 3.3], ['姜', 3.2], ['崔', 3.1], ['钟', 3.0], ['谭', 2.9], ['陆', 2.8], ['汪', 2.7], ['范', 2.6], ['金', 2.6],
  ['石', 2.5], ['廖', 2.5], ['贾', 2.4], ['夏', 2.4], ['韦', 2.3], ['付', 2.3], ['方', 2.2], ['白', 2.2], ['邹', 2.1], ['孟', 2.1],
  ['熊', 2.0], ['秦', 2.0], ['邱', 2.0], ['江', 1.9], ['尹', 1.9], ['薛', 1.8], ['闫', 1.8], ['段', 1.7], ['雷', 1.7], ['侯', 1.7],
  ['龙', 1.6], ['史', 1.6], ['陶', 1.5], ['黎', 1.5], ['贺', 1.5], ['顾', 1.4], ['毛', 1.4], ['郝', 1.4], ['龚', 1.3], ['邵', 1.3],
  ['万', 1.3], ['钱', 1.2], ['严', 1.2], ['覃', 1.2], ['武', 1.2], ['戴', 1.2], ['莫', 1.1], ['孔', 1.1], ['向', 1.1], ['汤', 1.1],
  ...[...'常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'].map(
    (s, i): [string, number] => [s, 0.9 - i * 0.004],
  ),
  ['欧阳', 0.2], ['上官', 0.05], ['司马', 0.04], ['诸葛', 0.03], ['东方', 0.02], ['慕容', 0.01],
];

/** Characters of given names, most popular first (a Zipf draw over each list). */
const MALE = [...'伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林博晨阳峰建文志国东海亮成立新兵毅昊然轩睿泽航一鸣嘉诚鹤翔振宏伦晖彬锋'];
const FEMALE = [...'芳娜敏静丽艳娟霞秀英兰玲萍红燕梅琳婷雪慧颖莉倩洁晶妍欣怡佳琪雨萱诗涵梦瑶悦思晓月婧蕾璐露薇丹云凤桂珍秋春美琼蓉娅'];
/** A few characters rare in names, so a one-character search for a rare word has a few real hits. */
export const RARE_NAME_CHARS = ['翀', '珺', '骞', '翯'] as const;

export interface District {
  name: string;
  /** 行政区划代码: the start of a resident ID issued there and of a local business's credit code. */
  code: string;
  /** Older codes still on ID cards issued before the districts were redrawn (2021). */
  legacyCodes?: string[];
  /** 常住人口 in 10,000s (第七次全国人口普查, 2020), for the share of complaints from there. */
  population: number;
  streets: string[];
}

/** Hangzhou's districts and counties: where complainants live and businesses are registered. */
export const DISTRICTS: readonly District[] = [
  { name: '上城区', code: '330102', legacyCodes: ['330103', '330104'], population: 132, streets: ['解放路', '庆春路', '建国中路', '秋涛路', '凤起东路', '钱江路'] },
  { name: '拱墅区', code: '330105', legacyCodes: ['330103'], population: 118, streets: ['莫干山路', '湖墅南路', '上塘路', '丽水路', '石祥路', '体育场路'] },
  { name: '西湖区', code: '330106', population: 111, streets: ['文三路', '文二路', '教工路', '天目山路', '古墩路', '紫金港路', '文一西路'] },
  { name: '滨江区', code: '330108', population: 50, streets: ['江南大道', '滨盛路', '江陵路', '长河路', '网商路'] },
  { name: '萧山区', code: '330109', population: 201, streets: ['市心中路', '人民路', '金城路', '通惠中路', '晨晖路'] },
  { name: '余杭区', code: '330110', population: 123, streets: ['五常大道', '文一西路', '良睦路', '梦想小镇', '龙潭路'] },
  { name: '临平区', code: '330113', legacyCodes: ['330110'], population: 118, streets: ['临平大道', '星桥路', '迎宾路', '世纪大道'] },
  { name: '钱塘区', code: '330114', legacyCodes: ['330104'], population: 77, streets: ['下沙路', '金沙大道', '学林街', '义蓬路'] },
  { name: '富阳区', code: '330111', population: 83, streets: ['富春路', '江滨西大道', '金桥北路', '桂花路'] },
  { name: '临安区', code: '330112', population: 64, streets: ['衣锦街', '钱王街', '万马路', '城中街'] },
  { name: '桐庐县', code: '330122', population: 45, streets: ['迎春南路', '白云源路', '学圣路'] },
  { name: '淳安县', code: '330127', population: 33, streets: ['新安大街', '环湖北路', '千岛湖大道'] },
  { name: '建德市', code: '330182', population: 44, streets: ['严州大道', '新安路', '江滨中路'] },
];
export const districtDraw = new Weighted(DISTRICTS, DISTRICTS.map((d) => d.population));

/** Birthplaces of those who moved to Hangzhou: real county codes of the provinces most arrive from. */
const ELSEWHERE = [
  '330203', '330302', '330602', '330702', '331002', '330402', '320102', '310104', '340104', '341222', '360111', '362330',
  '410105', '420106', '430104', '510107', '500103', '440106', '350102', '370102', '522601', '450103', '130102', '610113',
];

/** Consumers who complain, by age (years, weight): fewer the young and the old. [L] */
const AGES = new Weighted<[number, number]>(
  [[18, 24], [25, 34], [35, 44], [45, 54], [55, 64], [65, 80]],
  [14, 32, 24, 15, 10, 5],
);

export interface Person {
  name: string;
  idType: 'resident' | 'passport' | 'hkmo' | 'taiwan' | 'other';
  idNumber?: string;
  phone: string;
  address?: string;
  district: District;
}

const surnameDraw = new Weighted(SURNAMES.map(([s]) => s), SURNAMES.map(([, w]) => w));
const maleDraw = new Weighted(MALE, zipfWeights(MALE.length, 0.9));
const femaleDraw = new Weighted(FEMALE, zipfWeights(FEMALE.length, 0.9));

export function givenName(r: Random, male: boolean): string {
  const draw = male ? maleDraw : femaleDraw;
  // One name in ten thousand carries a rare character (a search term with few hits).
  const rare = r.chance(0.0001) ? r.pick(RARE_NAME_CHARS) : null;
  if (r.chance(0.2)) return rare ?? draw.draw(r);
  let second = draw.draw(r);
  const first = draw.draw(r);
  if (second === first && r.chance(0.7)) second = draw.draw(r);
  return rare ? first + rare : first + second;
}

export const fullName = (r: Random, male: boolean) => surnameDraw.draw(r) + givenName(r, male);

/** YYYY-MM-DD of a birthday for someone this old on `onDate` (YYYY-MM-DD). */
function birthDate(r: Random, onDate: string): string {
  const [lo, hi] = AGES.draw(r);
  const age = r.int(lo, hi);
  const on = Date.parse(`${onDate}T00:00:00Z`);
  const born = new Date(on - age * 365.25 * 86_400_000 - r.int(0, 364) * 86_400_000);
  return born.toISOString().slice(0, 10);
}

function address(r: Random, d: District): string {
  const street = r.pick(d.streets);
  const n = r.int(1, 999);
  return r.chance(0.75)
    ? `杭州市${d.name}${street}${n}号${r.int(1, 30)}幢${r.int(1, 4)}单元${r.int(1, 32)}0${r.int(1, 4)}室`
    : `杭州市${d.name}${street}${n}号`;
}

/** A complainant registered on `onDate`; most give a resident ID, some no number, a few another document. */
export function person(r: Random, onDate: string): Person {
  const male = r.chance(0.48);
  const district = districtDraw.draw(r);
  const name = fullName(r, male);
  const phone = r.chance(0.96) ? mobilePhone(r) : landline(r);
  const addr = r.chance(0.55) ? address(r, district) : undefined;
  const roll = r.next();
  if (roll < 0.8) {
    const local = r.chance(0.7);
    const code = local ? (district.legacyCodes && r.chance(0.3) ? r.pick(district.legacyCodes) : district.code) : r.pick(ELSEWHERE);
    const seq = r.int(0, 499) * 2 + (male ? 1 : 0);
    return { name, idType: 'resident', idNumber: residentId(code, birthDate(r, onDate), seq === 0 ? 2 : seq), phone, address: addr, district };
  }
  if (roll < 0.975) return { name, idType: 'resident', phone, address: addr, district };
  if (roll < 0.985) return { name, idType: 'passport', idNumber: `E${r.digits(8)}`, phone, address: addr, district };
  if (roll < 0.993) return { name, idType: 'hkmo', idNumber: `${r.pick(['H', 'M'])}${r.digits(8)}`, phone, address: addr, district };
  if (roll < 0.997) return { name, idType: 'taiwan', idNumber: r.digits(8), phone, address: addr, district };
  return { name, idType: 'other', idNumber: `军${r.digits(7)}`, phone, address: addr, district };
}


