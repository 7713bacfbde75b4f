import type { Migration } from './types';

/**
 * Everyday words that find a category on the registration form (issue [B]: "typing 手机 finds
 * 家用电子电器 — today only by luck of the name"), as a JSON array beside the name. The 中消协
 * categories of domain.md get the words a counter hears for them; a category an office renamed
 * (its name no longer the default) gets none, its administrator adds them on the 目录 screen.
 * Nothing else changes: codes, names, order and retirement stay as they were.
 */
const defaultWords: Record<string, { name: string; words: string[] }> = {
  G01: { name: '家用电子电器', words: ['手机', '电脑', '笔记本', '平板', '电视', '冰箱', '空调', '洗衣机', '热水器', '耳机', '相机', '家电', '小家电', '电器'] },
  G02: { name: '服装鞋帽', words: ['衣服', '鞋', '鞋子', '裤子', '外套', '羽绒服', '帽子', '包'] },
  G03: { name: '食品', words: ['零食', '蛋糕', '月饼', '奶粉', '保健食品', '外卖', '肉', '水果', '过期'] },
  G04: { name: '烟酒和饮料', words: ['酒', '白酒', '香烟', '饮料', '矿泉水', '茶叶'] },
  G05: { name: '房屋及建材', words: ['商品房', '买房', '瓷砖', '地板', '门窗', '涂料', '建材'] },
  G06: { name: '日用商品', words: ['化妆品', '护肤品', '家具', '床垫', '洗发水', '日用品'] },
  G07: { name: '首饰及文体用品', words: ['黄金', '首饰', '玉器', '手表', '文具', '玩具', '健身器材'] },
  G08: { name: '医药及医疗用品', words: ['药', '药品', '口罩', '医疗器械', '血压计', '助听器'] },
  G09: { name: '交通工具', words: ['汽车', '电动车', '电瓶车', '自行车', '摩托车', '新能源车'] },
  G10: { name: '农用生产资料', words: ['种子', '化肥', '农药', '饲料', '农机'] },
  S01: { name: '生活社会服务', words: ['美容', '美发', '理发', '洗衣', '干洗', '家政', '维修', '婚庆', '摄影', '餐饮', '饭店'] },
  S02: { name: '房屋装修及物业服务', words: ['装修', '物业', '物业费', '中介', '租房'] },
  S03: { name: '旅游', words: ['旅行社', '景区', '门票', '酒店', '民宿', '导游'] },
  S04: { name: '文化娱乐体育', words: ['健身房', '游泳', '电影', '演出', 'KTV', '游戏'] },
  S05: { name: '邮政业', words: ['快递', '邮寄', '包裹', '物流'] },
  S06: { name: '电信', words: ['话费', '流量', '宽带', '套餐', '运营商', '号码'] },
  S07: { name: '互联网', words: ['网购', '直播', '网店', 'APP', '平台', '会员', '自动续费'] },
  S08: { name: '金融', words: ['银行', '信用卡', '贷款', '理财', '支付'] },
  S09: { name: '保险', words: ['保险', '理赔', '车险', '寿险'] },
  S10: { name: '卫生保健', words: ['医院', '诊所', '体检', '医美', '牙科', '口腔'] },
  S11: { name: '教育培训', words: ['培训', '辅导', '课程', '驾校', '学费', '早教'] },
  S12: { name: '公共设施', words: ['水费', '电费', '燃气', '供暖', '停车'] },
  S13: { name: '销售服务', words: ['预付卡', '会员卡', '储值卡', '退款', '售后'] },
};

export const catalogWords: Migration = {
  version: 16,
  name: 'catalog-words',
  up(db) {
    db.exec(`ALTER TABLE catalog_items ADD COLUMN words TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(words) AND json_type(words) = 'array')`);
    const set = db.prepare("UPDATE catalog_items SET words = ? WHERE kind = 'category' AND code = ? AND name = ?");
    for (const [code, { name, words }] of Object.entries(defaultWords)) set.run(JSON.stringify(words), code, name);
  },
};
