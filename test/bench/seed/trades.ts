import { Weighted } from './random';

/**
 * What is complained of, by category (resources/catalog: 中消协 statistics categories). Shares are
 * per cent of all complaints, after 中国消费者协会《2023年全国消协组织受理投诉情况分析》 (商品类
 * ≈43 %, 服务类 ≈52 %, 其他 ≈5 %; 生活社会服务, 家用电子电器, 日用商品 and 互联网服务 lead) —
 * rounded, so [L]. `paidYuan` is the median amount paid and `spread` its log-normal σ.
 */
export interface Trade {
  code: string;
  share: number;
  goods: boolean;
  /** Words a business of this trade puts in its name (…电器有限公司). */
  trades: string[];
  subjects: string[];
  /** What went wrong with the thing bought, for facts of 质量 complaints. */
  defects: string[];
  paidYuan: number;
  spread: number;
}

export const TRADES: readonly Trade[] = [
  { code: 'G01', share: 9.0, goods: true, trades: ['电器', '数码科技', '家电', '通讯器材', '电子'], subjects: ['手机', '笔记本电脑', '冰箱', '空调', '洗衣机', '液晶电视', '热水器', '扫地机器人', '蓝牙耳机', '平板电脑', '油烟机', '电饭煲', '空气净化器', '智能手表'], defects: ['无法开机', '屏幕出现竖线', '漏水', '运行时异响', '频繁死机', '充电发烫', '制冷效果差', '电池鼓包'], paidYuan: 2600, spread: 0.9 },
  { code: 'G02', share: 5.8, goods: true, trades: ['服饰', '鞋业', '服装', '皮具'], subjects: ['羽绒服', '运动鞋', '皮鞋', '连衣裙', '牛仔裤', '冲锋衣', '皮衣', '童装', '羊毛衫', '西服'], defects: ['开胶', '严重褪色', '起球', '跑绒', '鞋底断裂', '面料开裂'], paidYuan: 450, spread: 0.8 },
  { code: 'G03', share: 6.4, goods: true, trades: ['食品', '超市', '生鲜', '餐饮管理', '烘焙'], subjects: ['月饼', '牛奶', '生日蛋糕', '进口牛排', '零食礼包', '婴儿奶粉', '大米', '食用油', '水果礼盒', '海鲜'], defects: ['变质发臭', '霉变', '有异物', '已过保质期', '包装破损漏气'], paidYuan: 160, spread: 0.9 },
  { code: 'G04', share: 1.3, goods: true, trades: ['酒业', '茶业', '商贸'], subjects: ['白酒', '葡萄酒', '茶叶', '矿泉水', '果汁饮料', '黄酒', '啤酒'], defects: ['有沉淀物', '口感异常', '瓶盖漏液', '生产日期模糊'], paidYuan: 600, spread: 1.1 },
  { code: 'G05', share: 2.4, goods: true, trades: ['建材', '家居', '门窗', '卫浴', '房地产开发'], subjects: ['地板', '瓷砖', '门窗', '橱柜', '卫浴洁具', '涂料', '定制衣柜', '商品房'], defects: ['开裂', '起鼓变形', '色差明显', '漏水渗水', '尺寸不符'], paidYuan: 12000, spread: 1.2 },
  { code: 'G06', share: 8.2, goods: true, trades: ['日用品', '家居用品', '百货', '化妆品', '母婴用品', '家具'], subjects: ['护肤品', '洗发水', '床上用品', '纸尿裤', '保温杯', '沙发', '床垫', '厨具', '化妆品', '餐桌'], defects: ['使用后皮肤过敏', '异味严重', '开线破损', '掉漆', '塌陷变形'], paidYuan: 380, spread: 1.2 },
  { code: 'G07', share: 1.9, goods: true, trades: ['珠宝', '金店', '文具', '体育用品', '乐器'], subjects: ['黄金项链', '钻戒', '翡翠手镯', '钢琴', '自行车', '跑步机', '玉石'], defects: ['重量不足', '成色不符', '断裂', '表面划痕'], paidYuan: 4200, spread: 1.1 },
  { code: 'G08', share: 1.7, goods: true, trades: ['大药房', '医疗器械', '保健品'], subjects: ['保健品', '助听器', '血压计', '隐形眼镜', '中药饮片', '按摩椅'], defects: ['测量不准', '无明显效果', '包装无批准文号'], paidYuan: 900, spread: 1.2 },
  { code: 'G09', share: 5.6, goods: true, trades: ['汽车销售服务', '汽车', '电动车', '摩托车'], subjects: ['新能源汽车', '二手车', '电动自行车', '轮胎', '汽车配件', '燃油汽车'], defects: ['变速箱异响', '电池续航严重不足', '漆面有修补痕迹', '发动机漏油', '刹车失灵'], paidYuan: 9000, spread: 1.8 },
  { code: 'G10', share: 0.4, goods: true, trades: ['农资', '种业', '农机'], subjects: ['种子', '化肥', '农药', '农机具'], defects: ['发芽率低', '结块失效', '无法正常作业'], paidYuan: 1500, spread: 1.0 },
  { code: 'S01', share: 16.2, goods: false, trades: ['美容美发', '洗衣', '家政服务', '餐饮', '摄影', '婚庆', '宠物', '维修服务'], subjects: ['美容卡', '理发', '家政保洁', '干洗服务', '婚纱摄影', '宠物美容', '家电维修', '餐饮服务', '开锁服务', '搬家服务'], defects: ['衣物洗坏', '服务未完成', '维修后故障依旧', '宠物受伤'], paidYuan: 680, spread: 1.1 },
  { code: 'S02', share: 2.9, goods: false, trades: ['装饰工程', '装饰设计', '物业管理', '物业服务'], subjects: ['房屋装修', '物业服务', '全屋定制', '防水工程', '停车管理'], defects: ['墙面开裂', '卫生间渗水', '工期严重拖延', '用料与合同不符'], paidYuan: 30000, spread: 1.2 },
  { code: 'S03', share: 1.9, goods: false, trades: ['旅行社', '旅游', '酒店', '景区管理'], subjects: ['跟团游', '酒店住宿', '景区门票', '出境游', '民宿'], defects: ['行程被擅自更改', '强制购物', '房型与预订不符'], paidYuan: 3800, spread: 1.0 },
  { code: 'S04', share: 5.3, goods: false, trades: ['健身', '文化传媒', '体育发展', '娱乐', '影城'], subjects: ['健身卡', '私教课', '游泳卡', '演唱会门票', '剧本杀', '电影票', '瑜伽课'], defects: ['门店关闭', '教练离职无人授课', '场馆长期停业'], paidYuan: 3000, spread: 1.0 },
  { code: 'S05', share: 1.4, goods: false, trades: ['快递', '物流', '速运'], subjects: ['快递服务', '物流配送', '同城配送'], defects: ['包裹丢失', '物品损坏', '未经同意放快递柜'], paidYuan: 300, spread: 1.4 },
  { code: 'S06', share: 3.1, goods: false, trades: ['通信', '宽带', '移动通信'], subjects: ['宽带服务', '手机套餐', '话费', '流量套餐', '号码携转'], defects: ['网速远低于承诺', '频繁断网', '被扣取不明费用'], paidYuan: 200, spread: 1.0 },
  { code: 'S07', share: 7.7, goods: false, trades: ['网络科技', '电子商务', '信息技术', '互联网'], subjects: ['网购商品', '直播带货', '网络游戏', '会员自动续费', '外卖平台', '网约车', '在线课程', '二手交易平台'], defects: ['货不对板', '收到空包裹', '账号被封', '订单被取消'], paidYuan: 260, spread: 1.3 },
  { code: 'S08', share: 0.8, goods: false, trades: ['支付', '小额贷款', '金融服务'], subjects: ['信用卡', '消费贷款', '理财产品', '分期付款'], defects: ['被收取高额手续费', '利率与宣传不符'], paidYuan: 5000, spread: 1.3 },
  { code: 'S09', share: 0.4, goods: false, trades: ['保险代理', '人寿保险', '财产保险'], subjects: ['车险理赔', '健康险', '意外险', '退保'], defects: ['理赔被拒', '退保被扣高额费用'], paidYuan: 3000, spread: 1.2 },
  { code: 'S10', share: 1.5, goods: false, trades: ['医疗美容', '口腔', '健康管理', '养生'], subjects: ['医美项目', '种植牙', '体检套餐', '推拿理疗', '养生馆'], defects: ['术后效果不佳', '出现红肿感染', '疗程未完成'], paidYuan: 6800, spread: 1.2 },
  { code: 'S11', share: 4.2, goods: false, trades: ['教育科技', '培训学校', '教育咨询', '职业技能培训'], subjects: ['培训课程', '英语培训', '驾校培训', '少儿编程课', '考研辅导', '艺术培训'], defects: ['机构停课', '师资与承诺不符', '课时被克扣'], paidYuan: 9000, spread: 1.0 },
  { code: 'S12', share: 0.9, goods: false, trades: ['水务', '燃气', '停车管理', '公交'], subjects: ['供水服务', '燃气服务', '停车收费', '公共充电桩'], defects: ['停水未提前通知', '收费标准不明'], paidYuan: 150, spread: 1.0 },
  { code: 'S13', share: 5.5, goods: false, trades: ['商贸', '商场', '购物中心', '电视购物'], subjects: ['预付卡', '会员卡', '促销活动', '售后服务', '商场购物'], defects: ['门店关闭无法消费', '赠品未兑现', '积分清零'], paidYuan: 1200, spread: 1.2 },
  { code: 'O01', share: 5.5, goods: false, trades: ['商贸', '服务', '科技'], subjects: ['其他商品', '其他服务'], defects: ['与约定不符', '无法正常使用'], paidYuan: 500, spread: 1.3 },
];

export const tradeDraw = new Weighted(TRADES, TRADES.map((t) => t.share));

/** 投诉性质 codes (catalog `nature`) with their share (per cent), after the same 中消协 analysis [L]. */
const NATURES: readonly [string, number][] = [
  ['after_sales', 29], ['quality', 21], ['contract', 17], ['price', 8], ['false_ad', 6], ['safety', 3],
  ['counterfeit', 1.5], ['measure', 1.2], ['personality', 0.8], ['personal_info', 0.6], ['other', 11],
];

/** Goods break, services fail their contract: the same shares leaned by kind. */
const lean = (goods: boolean) => (code: string, w: number) =>
  goods ? (code === 'quality' ? w * 1.6 : code === 'contract' ? w * 0.5 : code === 'after_sales' ? w * 1.2 : w) : code === 'contract' ? w * 1.5 : code === 'quality' ? w * 0.5 : w;

export const natureDraw = {
  goods: new Weighted(NATURES.map(([c]) => c), NATURES.map(([c, w]) => lean(true)(c, w))),
  services: new Weighted(NATURES.map(([c]) => c), NATURES.map(([c, w]) => lean(false)(c, w))),
};

/** 投诉渠道 codes (catalog `channel`): online platforms and the hotline bring most complaints today [L]. */
export const channelDraw = new Weighted(['online', 'phone', 'visit', 'letter', 'email', 'sms', 'fax'], [42, 30, 20, 3, 2.5, 2, 0.5]);
