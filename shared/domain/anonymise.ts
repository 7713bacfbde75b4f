/**
 * Anonymisation of a case for publication as a 典型案例 (issue [H]): one function, used by the core to
 * draft the write-up and to check what a supervisor exports.
 *
 * The rules follow the model Chinese publishers of case write-ups already use, the Supreme People's
 * Court's 《关于人民法院在互联网公布裁判文书的规定》 (法释〔2016〕19号) [L]: a natural person keeps the
 * surname and the given name becomes 某 (张三 → 张某, 欧阳娜娜 → 欧阳某); home addresses, phone
 * numbers and identity numbers are not published. Where that rule deletes, this one masks so the
 * write-up still reads naturally and a reader sees something was there:
 * - mobile phones keep the first three and last four digits (138****5678), the display form Chinese
 *   apps and GB/T 35273-2020 (个人信息安全规范) examples use; landlines keep the area code and last four;
 * - a 居民身份证 number keeps its first six digits (the region code, no finer than the address that is
 *   kept) and masks the rest, birth date, sequence and check character alike (330106************):
 *   the last four (with the sex digit) narrow a person down among the few born the same day, and a
 *   publication has no use for them;
 * - an address keeps its administrative part down to the district or county (杭州市西湖区……);
 * - order, waybill and transaction numbers, and any other long number in free text, are masked.
 * A business is kept by name (a warning to consumers names who it is about) or, by choice, becomes
 * 某 + its trade and its legal form (杭州美家电器有限公司 → 某电器有限公司).
 */

/** 复姓: two-character surnames (百家姓 and those in use today), tried before the one-character rule. */
export const COMPOUND_SURNAMES = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '司空',
  '夏侯', '令狐', '端木', '澹台', '南宫', '独孤', '西门', '呼延', '轩辕', '钟离', '闻人', '万俟', '赫连',
  '濮阳', '太史', '申屠', '公冶', '宗政', '拓跋', '百里', '东郭', '第五', '左丘', '公羊', '谷梁', '闾丘',
  '仲孙', '叔孙', '淳于', '单于', '太叔', '巫马', '公西', '漆雕', '乐正', '壤驷', '公良', '夹谷', '宰父',
  '羊舌', '微生', '梁丘', '东门', '南门', '段干', '亓官', '司寇', '子车', '颛孙', '鲜于', '呼衍',
] as const;

const HAN = /^[\u3400-\u9fff]+$/;

/** 张三 → 张某, 欧阳娜娜 → 欧阳某; a name not written in Chinese characters → 某. */
export function pseudonymOf(name: string): string {
  const n = name.trim().replace(/[\s·•]/g, '');
  if (!n || !HAN.test(n)) return '某';
  const compound = COMPOUND_SURNAMES.find((s) => n.startsWith(s) && n.length > s.length);
  if (compound) return `${compound}某`;
  return `${n[0]}某`;
}

/** 13812345678 → 138****5678; 0571-88886666 → 0571-****6666. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  const land = /^(0\d{2,3})[-\s]?(\d{7,8})/.exec(phone.trim());
  if (land) return `${land[1]}-${'*'.repeat(land[2]!.length - 4)}${land[2]!.slice(-4)}`;
  return digits.length > 4 ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}` : '****';
}

/** A 居民身份证 number (18 or the old 15 digits) keeps its region code: 330106************. */
export function maskIdNumber(id: string): string {
  const v = id.trim();
  if (/^\d{6}/.test(v) && (v.length === 18 || v.length === 15)) return `${v.slice(0, 6)}${'*'.repeat(v.length - 6)}`;
  // Passports and permits carry no region: nothing of them is kept.
  return '*'.repeat(Math.max(4, v.length));
}

/** Words that end in 区 but name a place inside a district, not the district itself. */
const NOT_A_DISTRICT = /(?:小|社|景|校|厂|营业|服务|住宅|生活|商业)区$/;

/**
 * 浙江省杭州市西湖区文三路90号 → 浙江省杭州市西湖区……; an address with no district or county keeps its
 * city; one with neither becomes （地址略）.
 */
export function shortenAddress(address: string): string {
  const a = address.trim().replace(/\s+/g, '');
  if (!a) return '';
  const unit = /[\u4e00-\u9fff]{1,8}?(?:自治县|自治旗|新区|区|县|旗)/g;
  let m: RegExpExecArray | null;
  while ((m = unit.exec(a))) {
    const end = m.index + m[0].length;
    if (NOT_A_DISTRICT.test(a.slice(0, end))) break;
    return end < a.length ? `${a.slice(0, end)}……` : a;
  }
  const city = a.lastIndexOf('市');
  if (city > 0) return city + 1 < a.length ? `${a.slice(0, city + 1)}……` : a;
  const province = a.indexOf('省');
  if (province > 0) return `${a.slice(0, province + 1)}……`;
  return '（地址略）';
}

/** Forms of business, longest first: what stays of a name that is not published. */
const LEGAL_FORMS = [
  '股份有限公司', '有限责任公司', '有限公司', '分公司', '集团公司', '公司', '经营部', '门市部', '营业部', '专卖店', '旗舰店',
  '工作室', '合作社', '中心', '商行', '商店', '超市', '酒店', '宾馆', '饭店', '餐厅', '医院', '诊所', '药房', '学校',
  '俱乐部', '事务所', '旅行社', '厂', '店', '馆', '行', '部',
] as const;

/** Trades a business name states before its form: kept, so the reader knows what kind of business it was. */
const TRADES = [
  '家用电器', '电器', '家电', '电子商务', '电子', '数码', '通信', '通讯', '网络科技', '网络', '信息技术', '科技', '软件',
  '商贸', '贸易', '实业', '百货', '超市', '食品', '餐饮', '饮品', '酒业', '茶业', '服饰', '服装', '鞋业', '纺织',
  '汽车销售', '汽车服务', '汽车', '摩托车', '电动车', '房地产开发', '房地产', '置业', '物业管理', '物业服务', '物业',
  '装饰工程', '装饰设计', '装饰', '装修', '建材', '家具', '家居', '旅游', '旅行社', '文化传媒', '文化', '传媒', '教育科技',
  '教育咨询', '教育', '培训', '健身', '体育', '美容美发', '美容', '医疗美容', '医疗器械', '医药', '大药房', '药房', '保健',
  '珠宝', '黄金', '首饰', '眼镜', '钟表', '母婴', '化妆品', '日用品', '物流', '快递', '邮政', '保险', '金融', '电信', '移动',
  '家政服务', '家政', '维修服务', '维修', '洗衣', '摄影', '婚庆', '酒店管理', '酒店', '宾馆', '烧烤', '火锅', '烘焙', '水果',
  '生鲜', '农资', '种业', '化肥', '燃气', '供水', '供电', '车行', '手机',
].sort((a, b) => b.length - a.length);

/** Places that open a business name (省、自治区、直辖市 and cities often written without 市). */
const PLACE_PREFIX =
  /^(?:(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|杭州|宁波|温州|嘉兴|湖州|绍兴|金华|衢州|舟山|台州|丽水|南京|苏州|无锡|常州|广州|深圳|东莞|佛山|厦门|福州|济南|青岛|郑州|武汉|长沙|成都|西安|合肥|南昌|昆明|贵阳|南宁|沈阳|大连|长春|哈尔滨|石家庄|太原|兰州|西宁|银川|乌鲁木齐|拉萨|海口|呼和浩特)(?:省|市|自治区|特别行政区)?|[\u4e00-\u9fff]{2,6}?(?:省|市|自治区|自治州|盟|地区))+(?:[\u4e00-\u9fff]{1,6}?(?:区|县|旗))?/;

/** A business's name split into its place, its own name, its trade and its legal form. */
export function businessParts(name: string): { place: string; brand: string; trade: string; form: string } {
  let rest = name.trim().replace(/[（(][^）)]*[）)]/g, '');
  const form = LEGAL_FORMS.find((f) => rest.endsWith(f) && rest.length > f.length) ?? '';
  rest = rest.slice(0, rest.length - form.length);
  const place = PLACE_PREFIX.exec(rest)?.[0] ?? '';
  rest = rest.slice(place.length);
  let trade = '';
  for (const t of TRADES) {
    const at = rest.lastIndexOf(t);
    if (at > 0 || (at === 0 && rest.length > t.length)) {
      // The trade is the last such word; what follows it (服务、销售) belongs with it.
      trade = rest.slice(at);
      rest = rest.slice(0, at);
      break;
    }
  }
  return { place, brand: rest, trade, form };
}

/** 杭州美家电器有限公司 → 某电器有限公司; a name with no trade or form the rule knows → 某经营者. */
export function unnamedBusiness(name: string): string {
  const { trade, form } = businessParts(name);
  if (!trade && !form) return '某经营者';
  return `某${trade}${form}`;
}

export interface AnonymiseParties {
  /** The people of the case: the complainant, an agent, the business's contact person. */
  people: (string | null | undefined)[];
  /** The businesses complained about. */
  businesses: (string | null | undefined)[];
  /** Known phone numbers and identity numbers of the parties (also masked wherever written in the text). */
  phones: (string | null | undefined)[];
  idNumbers: (string | null | undefined)[];
  /** Known addresses, cut to their district wherever they appear. */
  addresses: (string | null | undefined)[];
}

export interface AnonymiseOptions {
  /** Publish the business's name as registered (true) or as 某 + its trade and form (false). */
  nameBusiness: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const present = (values: (string | null | undefined)[]) => [...new Set(values.map((v) => (v ?? '').trim()).filter((v) => v.length > 0))];

/** One replacement plan for a case: the same parties give the same pseudonyms in every part of the write-up. */
export interface Anonymiser {
  (text: string): string;
  /** Each person's name and the pseudonym they are given. */
  readonly pseudonyms: ReadonlyMap<string, string>;
  /** Each business's name and what the write-up calls it. */
  readonly businessNames: ReadonlyMap<string, string>;
}

/** Labels that introduce an order, waybill or transaction number. */
const ORDER_LABEL = '(?:订单(?:编)?号|订单编码|订单|交易(?:单)?号|交易流水号|流水号|运单号|快递单号|物流单号|单号|合同(?:编)?号|发票号码?|卡号|账号)';
const ORDER_NUMBER = new RegExp(`(${ORDER_LABEL}\\s*(?:为|是)?\\s*[:：]?\\s*)([A-Za-z0-9][A-Za-z0-9-]{5,63})`, 'g');
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})(\d{11}[\dXx]|\d{9})(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?!\d)/g;
const LANDLINE = /(?<!\d)(0\d{2,3})-(\d{3,4})(\d{4})(?!\d)/g;
/** Any other long run of digits (a bank card, an order number written without its label). */
const LONG_NUMBER = /(?<![0-9A-Za-z*])([A-Za-z]{0,4}\d{10,30})(?![0-9A-Za-z])/g;
/** A house number written in the text (the street's name stays: it names no one), and a building, unit or room. */
const HOUSE_NUMBER = /(路|街|大道|巷|弄|胡同)\d+(?:-\d+)?号/g;
const ROOM = /(?<!\d)\d+(?:-\d+)?(?:幢|栋|座|号楼)(?:\d+单元)?(?:\d+(?:室|号))?|(?<!\d)\d+单元\d+(?:室|号)?|(?<!\d)\d{3,4}室/g;

/**
 * Builds the anonymiser for a case's parties. Longer names are replaced before shorter ones, so a
 * name inside another (a shop named after its owner) is never half-replaced. Two people who would
 * get the same pseudonym (张三 and 张四 both 张某) are told apart as 张某甲 and 张某乙.
 */
export function createAnonymiser(parties: AnonymiseParties, options: AnonymiseOptions): Anonymiser {
  const pseudonyms = new Map<string, string>();
  const people = present(parties.people);
  const taken = new Map<string, string[]>();
  for (const name of people) {
    const p = pseudonymOf(name);
    taken.set(p, [...(taken.get(p) ?? []), name]);
  }
  const ORDER = '甲乙丙丁戊己庚辛壬癸';
  for (const [p, names] of taken) names.forEach((n, i) => pseudonyms.set(n, names.length > 1 ? `${p}${ORDER[i] ?? i + 1}` : p));

  const businessNames = new Map<string, string>();
  const replacements: [string, string][] = [];
  for (const name of present(parties.businesses)) {
    const shown = options.nameBusiness ? name : unnamedBusiness(name);
    businessNames.set(name, shown);
    if (options.nameBusiness) continue;
    replacements.push([name, shown]);
    // The same business as the text may write it: without its place, or its brand alone.
    const { place, brand, trade, form } = businessParts(name);
    if (place && `${brand}${trade}${form}`.length >= 4) replacements.push([`${brand}${trade}${form}`, shown]);
    if (brand.length >= 2 && trade) replacements.push([`${brand}${trade}`, `某${trade}`]);
    if (brand.length >= 2) replacements.push([brand, '某']);
  }
  // A one-character "name" would take every 张 of 一张发票 with it: such a name is not searched for.
  for (const [name, p] of pseudonyms) if (name.length >= 2) replacements.push([name, p]);
  for (const address of present(parties.addresses)) replacements.push([address, shortenAddress(address)]);
  for (const phone of present(parties.phones)) replacements.push([phone, maskPhone(phone)]);
  for (const id of present(parties.idNumbers)) replacements.push([id, maskIdNumber(id)]);
  replacements.sort((a, b) => b[0].length - a[0].length);
  const known = replacements.length ? new RegExp(replacements.map(([from]) => escapeRegExp(from)).join('|'), 'g') : null;
  const lookup = new Map(replacements);

  const anonymise = ((text: string): string => {
    let out = known ? text.replace(known, (m) => lookup.get(m) ?? m) : text;
    out = out.replace(ORDER_NUMBER, (_m, label: string, num: string) => `${label}${'*'.repeat(num.length)}`);
    out = out.replace(ID_NUMBER, (_m, region: string, rest: string) => `${region}${'*'.repeat(rest.length)}`);
    out = out.replace(MOBILE, (_m, head: string, _mid: string, tail: string) => `${head}****${tail}`);
    out = out.replace(LANDLINE, (_m, area: string, mid: string, tail: string) => `${area}-${'*'.repeat(mid.length)}${tail}`);
    out = out.replace(LONG_NUMBER, (m: string) => `${'*'.repeat(m.length - 4)}${m.slice(-4)}`);
    out = out.replace(HOUSE_NUMBER, '$1××号').replace(ROOM, '××');
    return out;
  }) as Anonymiser;
  Object.defineProperty(anonymise, 'pseudonyms', { value: pseudonyms });
  Object.defineProperty(anonymise, 'businessNames', { value: businessNames });
  return anonymise;
}

/** The anonymisation of one text for one case's parties. */
export function anonymise(text: string, parties: AnonymiseParties, options: AnonymiseOptions): string {
  return createAnonymiser(parties, options)(text);
}

/**
 * What of the parties is still in a text: their full names, phone numbers (as digits, whatever
 * the separators) and identity numbers, and the business's name when it is not to be named. The
 * core refuses to export a write-up that still holds any (the supervisor's edits included).
 */
export function personalDataLeft(text: string, parties: AnonymiseParties, options: AnonymiseOptions): string[] {
  const found: string[] = [];
  const digits = text.replace(/[\s-]/g, '');
  for (const name of present(parties.people)) if (name.length >= 2 && text.includes(name)) found.push(`姓名“${name}”`);
  for (const phone of present(parties.phones)) {
    const d = phone.replace(/\D/g, '');
    if (d.length >= 7 && digits.includes(d)) found.push(`电话“${phone}”`);
  }
  for (const id of present(parties.idNumbers)) if (id.length >= 6 && digits.toUpperCase().includes(id.toUpperCase())) found.push(`证件号码“${id}”`);
  if (!options.nameBusiness) for (const b of present(parties.businesses)) if (text.includes(b)) found.push(`经营者名称“${b}”`);
  return found;
}
