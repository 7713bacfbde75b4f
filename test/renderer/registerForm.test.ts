import { describe, expect, it } from 'vitest';
import { emptyRegisterForm, oldPurchaseShown, receivedOnOf, registerFormSchemaOn, type RegisterFormValues } from '../../renderer/src/register/registerForm';

/**
 * The registration form's date rules (shared/domain/intake.ts) against the office's today as the core
 * gave it, never the PC's clock: these run with a "today" far from the machine's own date.
 */
const filled = (over: Partial<RegisterFormValues> = {}): RegisterFormValues => ({
  ...emptyRegisterForm('visit'),
  complainant: { name: '张三', idType: 'resident', idNumber: '', phone: '13812345678', address: '' },
  respondent: { id: null, name: '某某电器', creditCode: '', address: '', contactPerson: '', phone: '' },
  subject: '电视机',
  facts: '坏了',
  request: '退货',
  category: 'G01',
  ...over,
});

const errorsOf = (today: string | null, values: RegisterFormValues) => {
  const r = registerFormSchemaOn(() => today).safeParse(values);
  // The first message per field, as the form shows it.
  return r.success ? {} : Object.fromEntries(r.error.issues.reverse().map((i) => [i.path.join('.'), i.message]));
};

describe('the registration form and the core’s today', () => {
  it('takes the receipt date as typed, or the core’s today when left empty', () => {
    expect(receivedOnOf('2031-05-06T23:30:00-10:00', '2031-05-07')).toBe('2031-05-06');
    expect(receivedOnOf('', '2031-05-07')).toBe('2031-05-07');
    expect(receivedOnOf('incomplete', '2031-05-07')).toBe('2031-05-07');
  });

  it('refuses a receipt after the core’s today, whatever the PC’s date', () => {
    expect(errorsOf('2031-05-07', filled({ receivedAt: '2031-05-08T09:00:00+08:00' }))).toMatchObject({ receivedAt: '收到时间不能晚于现在' });
    expect(errorsOf('2031-05-07', filled({ receivedAt: '2031-05-07T09:00:00+08:00' }))).toEqual({});
  });

  it('refuses a purchase after the receipt (or after today when the receipt is now)', () => {
    expect(errorsOf('2031-05-07', filled({ purchasedOn: '2031-05-08' }))).toMatchObject({ purchasedOn: '购买日期不能晚于收到投诉的日期' });
    expect(errorsOf('2031-05-07', filled({ receivedAt: '2031-05-01T09:00:00+08:00', purchasedOn: '2031-05-02' }))).toMatchObject({ receivedAt: '收到时间不能早于购买日期' });
  });

  it('asks for the three-year confirmation at three years and a day, not at exactly three years', () => {
    expect(oldPurchaseShown('2028-05-07', '', '2031-05-07')).toBe(false);
    expect(oldPurchaseShown('2028-05-06', '', '2031-05-07')).toBe(true);
    expect(errorsOf('2031-05-07', filled({ purchasedOn: '2028-05-07' }))).toEqual({});
    expect(errorsOf('2031-05-07', filled({ purchasedOn: '2028-05-06' }))).toHaveProperty('oldPurchaseConfirmed');
    const ok = registerFormSchemaOn(() => '2031-05-07').parse(filled({ purchasedOn: '2028-05-06', oldPurchaseConfirmed: true }));
    expect(ok.oldPurchaseConfirmed).toBe(true);
  });

  it('sends an agent only when 有代理人 is ticked, checked by the contract’s rules', () => {
    const agent = { present: false, name: '李四', phone: '', relation: '', authorizationReceived: false };
    expect(registerFormSchemaOn(() => '2031-05-07').parse(filled({ agent })).agent).toBeUndefined();
    expect(errorsOf('2031-05-07', filled({ agent: { ...agent, present: true } }))).toMatchObject({ 'agent.phone': '请填写代理人联系电话' });
    const out = registerFormSchemaOn(() => '2031-05-07').parse(filled({ agent: { ...agent, present: true, phone: '13700001111' }, requestTypes: ['refund'] }));
    expect(out.agent).toEqual({ name: '李四', phone: '13700001111', authorizationReceived: false });
    expect(out.requestTypes).toEqual(['refund']);
  });
});
