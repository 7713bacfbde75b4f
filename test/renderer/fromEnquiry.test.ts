import { describe, expect, it } from 'vitest';
import { readFromEnquiry, registerFormFromEnquiry, type FromEnquiry } from '../../renderer/src/enquiries/fromEnquiry';
import { emptyRegisterForm } from '../../renderer/src/register/registerForm';

const enquiry: FromEnquiry = { id: 7, receivedAt: '2026-11-23T09:00:00+08:00', channel: 'phone', topic: '冰箱不制冷商家不修', name: '刘先生', phone: '13900002222' };

describe('转为投诉: the registration form from an enquiry', () => {
  it('takes router state only in the shape 咨询登记 gives it (a reload or the back button may bring anything)', () => {
    expect(readFromEnquiry({ fromEnquiry: enquiry })).toEqual(enquiry);
    for (const state of [null, undefined, 'x', {}, { fromEnquiry: null }, { fromEnquiry: { ...enquiry, id: '7' } }, { fromEnquiry: { ...enquiry, id: 0 } }, { fromEnquiry: { ...enquiry, topic: 3 } }]) {
      expect(readFromEnquiry(state)).toBeNull();
    }
  });

  it('starts the form with the caller as complainant, their channel and the topic as the facts', () => {
    const form = registerFormFromEnquiry(emptyRegisterForm('visit'), enquiry, [{ code: 'visit' }, { code: 'phone' }]);
    expect(form).toMatchObject({ complainant: { name: '刘先生', phone: '13900002222', idType: 'resident' }, channel: 'phone', facts: '冰箱不制冷商家不修', request: '' });
  });

  it('keeps the form’s channel when the enquiry’s is no longer offered, and changes nothing without an enquiry', () => {
    expect(registerFormFromEnquiry(emptyRegisterForm('visit'), enquiry, [{ code: 'visit' }]).channel).toBe('visit');
    expect(registerFormFromEnquiry(emptyRegisterForm('visit'), null, [{ code: 'visit' }])).toEqual(emptyRegisterForm('visit'));
  });
});
