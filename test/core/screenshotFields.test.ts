import { describe, expect, it } from 'vitest';
import { screenshotFields } from '../../electron/core/services/intake/screenshotFields';

/** Issue [H]: what an order screenshot or a receipt offers to fill on the registration form. Texts as the OCR returns them, a line each. */
describe('screenshotFields', () => {
  it('reads an order page: the order number, what was paid, the day ordered, the product and the shop', () => {
    const text = ['订单详情', '小米官方旗舰店', '订单编号 20261102153045', '商品 智能扫地机器人', '商品总价 ¥1,399.00', '实付款 ¥1299.00', '下单时间 2026-11-02 15:30'].join('\n');
    expect(screenshotFields(text)).toEqual({
      orderNo: { value: '20261102153045', line: '订单编号 20261102153045' },
      amountPaidFen: { value: 129900, line: '实付款 ¥1299.00' },
      purchasedOn: { value: '2026-11-02', line: '下单时间 2026-11-02 15:30' },
      subject: { value: '智能扫地机器人', line: '商品 智能扫地机器人' },
      respondentName: { value: '小米官方旗舰店', line: '小米官方旗舰店' },
    });
  });

  it('reads a shop receipt: its name at the top, the item priced on its line, 合计 where no 实付 is printed, a day in Chinese', () => {
    const text = ['鑫盛家电商行', '电热水壶 89.00', '合计 89.00', '收款 微信支付', '日期 2026年10月28日'].join('\n');
    expect(screenshotFields(text)).toEqual({
      respondentName: { value: '鑫盛家电商行', line: '鑫盛家电商行' },
      subject: { value: '电热水壶', line: '电热水壶 89.00' },
      amountPaidFen: { value: 8900, line: '合计 89.00' },
      purchasedOn: { value: '2026-10-28', line: '日期 2026年10月28日' },
    });
  });

  it('takes labels with a colon, a labelled shop and a day with no label', () => {
    const found = screenshotFields(['店铺：美的空调专卖店', '订单号：E2026-0915-77', '实付：2,599元', '2026/9/15 10:02:11'].join('\n'));
    expect(found.respondentName?.value).toBe('美的空调专卖店');
    expect(found.orderNo?.value).toBe('E2026-0915-77');
    expect(found.amountPaidFen?.value).toBe(259900);
    expect(found.purchasedOn).toEqual({ value: '2026-09-15', line: '2026/9/15 10:02:11' });
  });

  it('offers nothing it cannot read: a chat, no day that exists, an amount of zero, a page title that ends in 店', () => {
    expect(screenshotFields(['亲，已超过七天无理由退货期限', '商品有质量问题，要求退款', '本店不支持退款'].join('\n'))).toEqual({});
    const found = screenshotFields(['订单详情', '进入店铺', '下单时间 2026-02-30 10:00', '实付款 ¥0.00', '订单编号 12'].join('\n'));
    expect(found).toEqual({});
    expect(screenshotFields('')).toEqual({});
  });
});
