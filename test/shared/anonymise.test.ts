import { describe, expect, it } from 'vitest';
import {
  anonymise,
  businessParts,
  createAnonymiser,
  maskIdNumber,
  maskPhone,
  personalDataLeft,
  pseudonymOf,
  shortenAddress,
  unnamedBusiness,
  type AnonymiseParties,
} from '../../shared/domain/anonymise';

const none: AnonymiseParties = { people: [], businesses: [], phones: [], idNumbers: [], addresses: [] };

describe('pseudonymOf: the surname stays, the given name becomes 某', () => {
  it.each([
    ['张三', '张某'],
    ['李小明', '李某'],
    ['欧阳娜娜', '欧阳某'],
    ['司马光', '司马某'],
    ['诸葛亮', '诸葛某'],
    ['上官婉儿', '上官某'],
    [' 王 五 ', '王某'],
    ['John Smith', '某'],
  ])('%s → %s', (name, expected) => expect(pseudonymOf(name)).toBe(expected));

  it('a two-character name whose first character could open a compound surname is a one-character surname (欧杰 → 欧某)', () => {
    expect(pseudonymOf('欧杰')).toBe('欧某');
    expect(pseudonymOf('司琪')).toBe('司某');
  });
});

describe('masks', () => {
  it('mobile phones keep the first three and last four digits, whatever the separators', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
  });
  it('landlines keep the area code and the last four digits', () => {
    expect(maskPhone('0571-88886666')).toBe('0571-****6666');
  });
  it('a resident ID keeps only its region code (no birth date, sequence or check character)', () => {
    expect(maskIdNumber('330106199001010034')).toBe('330106************');
    expect(maskIdNumber('33010619900101003X')).toBe('330106************');
    expect(maskIdNumber('E12345678')).toBe('*********');
  });
  it('an address keeps its administrative part down to the district or county', () => {
    expect(shortenAddress('浙江省杭州市西湖区文三路90号3幢201室')).toBe('浙江省杭州市西湖区……');
    expect(shortenAddress('杭州市余杭区五常街道文一西路969号')).toBe('杭州市余杭区……');
    expect(shortenAddress('浙江省淳安县千岛湖镇新安大街1号')).toBe('浙江省淳安县……');
    // 小区 is no district: the city is kept, the estate is not.
    expect(shortenAddress('宁波市阳光小区5幢')).toBe('宁波市……');
    expect(shortenAddress('文三路90号')).toBe('（地址略）');
  });
});

describe('businesses', () => {
  it('split into place, brand, trade and legal form', () => {
    expect(businessParts('杭州美家电器有限公司')).toEqual({ place: '杭州', brand: '美家', trade: '电器', form: '有限公司' });
    expect(businessParts('浙江省杭州市西湖区小王烧烤店')).toMatchObject({ trade: '烧烤', form: '店' });
  });
  it.each([
    ['杭州美家电器有限公司', '某电器有限公司'],
    ['杭州某某电器有限公司', '某电器有限公司'],
    ['浙江天天网络科技有限公司', '某网络科技有限公司'],
    ['上海市浦东新区好运旅行社', '某旅行社'],
    ['宁波市鄞州区小王烧烤店', '某烧烤店'],
    ['阿里巴巴', '某经营者'],
  ])('%s, not named → %s', (name, expected) => expect(unnamedBusiness(name)).toBe(expected));
});

describe('anonymise: free text', () => {
  const parties: AnonymiseParties = {
    people: ['欧阳娜娜', '李强'],
    businesses: ['杭州美家电器有限公司'],
    phones: ['13812345678', '0571-88886666'],
    idNumbers: ['330106199001010034'],
    addresses: ['浙江省杭州市西湖区文三路90号3幢201室'],
  };

  it('replaces the parties wherever they are written, and masks numbers no one registered', () => {
    const text =
      '投诉人欧阳娜娜（身份证330106199001010034，电话13812345678，住浙江省杭州市西湖区文三路90号3幢201室）称：' +
      '2026年10月1日在杭州美家电器有限公司购买冰箱一台，订单号：DD20261001123456，支付3999元。美家电器的店员李强答应退货，' +
      '后不接电话（0571-88886666）。其丈夫的手机是 139 8765 4321，银行卡6222021234567890123。';
    const out = anonymise(text, parties, { nameBusiness: false });
    expect(out).toContain('投诉人欧阳某（身份证330106************，电话138****5678，住浙江省杭州市西湖区……）');
    expect(out).toContain('在某电器有限公司购买冰箱一台');
    expect(out).toContain('某电器的店员李某答应退货');
    expect(out).toContain('订单号：****************');
    expect(out).toContain('0571-****6666');
    expect(out).toContain('139****4321');
    expect(out).toContain('***************0123');
    // Dates and amounts are the facts of the case and stay.
    expect(out).toContain('2026年10月1日');
    expect(out).toContain('3999元');
    for (const gone of ['娜娜', '李强', '美家', '13812345678', '88886666', '199001010034', '文三路90号', '20261001123456', '98765432']) expect(out).not.toContain(gone);
    expect(personalDataLeft(out, parties, { nameBusiness: false })).toEqual([]);
  });

  it('keeps the business when it is to be named', () => {
    const out = anonymise('在杭州美家电器有限公司购买', parties, { nameBusiness: true });
    expect(out).toBe('在杭州美家电器有限公司购买');
  });

  it('tells two people with the same pseudonym apart', () => {
    const a = createAnonymiser({ ...none, people: ['张三', '张四'] }, { nameBusiness: true });
    expect(a('张三找张四')).toBe('张某甲找张某乙');
    expect(a.pseudonyms.get('张四')).toBe('张某乙');
  });

  it('replaces the longer name first, so a name inside another is never half-replaced', () => {
    const a = createAnonymiser({ ...none, people: ['王小', '王小明'] }, { nameBusiness: true });
    expect(a('王小明和王小')).toBe('王某乙和王某甲');
  });

  it('leaves a text with nothing personal in it as it was', () => {
    const text = '冰箱使用三天后不制冷，经检测为压缩机故障，2026年11月2日退款3999元。';
    expect(anonymise(text, parties, { nameBusiness: false })).toBe(text);
  });

  it('never replaces a one-character name inside ordinary words', () => {
    expect(anonymise('提供一张发票', { ...none, people: ['张'] }, { nameBusiness: true })).toBe('提供一张发票');
  });

  it('an order number written after its label in other ways is masked too', () => {
    const out = anonymise('订单编号为 2026110212345678；运单号SF1234567890123', none, { nameBusiness: true });
    expect(out).not.toMatch(/\d{6}/);
    expect(out).toContain('订单编号为 ');
    expect(out).toContain('运单号');
  });
});

describe('personalDataLeft: what a supervisor typed back in', () => {
  const parties: AnonymiseParties = { ...none, people: ['欧阳娜娜'], phones: ['13812345678'], idNumbers: ['33010619900101003X'], businesses: ['杭州美家电器有限公司'] };
  it('finds names, phones written with separators, ID numbers in either case, and the business not to be named', () => {
    const left = personalDataLeft('欧阳娜娜 138 1234 5678 33010619900101003x 杭州美家电器有限公司', parties, { nameBusiness: false });
    expect(left).toEqual(['姓名“欧阳娜娜”', '电话“13812345678”', '证件号码“33010619900101003X”', '经营者名称“杭州美家电器有限公司”']);
    expect(personalDataLeft('杭州美家电器有限公司', parties, { nameBusiness: true })).toEqual([]);
  });
});

describe('typicalDraftOf: a service is 接受, goods are 购买', () => {
  it('words the purchase by the category group', async () => {
    const { typicalDraftOf } = await import('../../shared/domain/typicalCase');
    const base = {
      caseNo: 'TS2026-00001',
      receivedAt: '2026-11-02T09:00:00+08:00',
      natures: [{ code: 'contract', name: '合同' }],
      complainant: { name: '司马光', idNumber: null, phone: '13812345678', address: null },
      respondent: { name: '上海市浦东新区好运旅行社', address: null, contactPerson: null, phone: null },
      subject: '云南六日游',
      purchasedOn: null,
      amountPaidFen: 250_000,
      facts: '行程缩水，司马光多次联系好运旅行社未果。',
      request: '退还差价',
      acceptedOn: null,
      events: [],
      mediation: null,
      outcome: null,
      closedOn: '2026-11-20',
    };
    const service = typicalDraftOf({ ...base, category: { code: 'S03', name: '旅游', group: '服务类' } }, false);
    expect(service.title).toBe('云南六日游合同纠纷案');
    expect(service.body).toContain('司马某在某旅行社接受云南六日游，支付2500.00元。行程缩水，司马某多次联系某旅行社未果。');
    expect(service.body).toContain('（请补写本会的处理过程）');
    const goods = typicalDraftOf({ ...base, category: { code: 'G01', name: '家用电子电器', group: '商品类' } }, true);
    expect(goods.body).toContain('司马某在上海市浦东新区好运旅行社购买云南六日游');
  });
});
