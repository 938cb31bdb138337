// The handler's memory of which numbers each member's texts went to: the cap, the window, the bound.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SmsNumbers } from '../../server/sms-numbers.js';

describe('SmsNumbers', () => {
  it('lets a member reach `max` numbers, any of them again, and no more', () => {
    const numbers = new SmsNumbers(2);
    assert.ok(numbers.reserve('m', '+14155550001'));
    assert.ok(numbers.reserve('m', '+1 415 555 0002'));
    assert.equal(numbers.reserve('m', '+14155550003'), null);
    assert.ok(numbers.reserve('m', '+14155550002'), 'the same number, however spaced');
    assert.ok(numbers.reserve('other', '+14155550003'), 'another member counts apart');
  });

  it('gives back a number Stytch sent nothing to, but never one reached before', () => {
    const numbers = new SmsNumbers(1);
    numbers.reserve('m', '+14155550001')!();
    assert.ok(numbers.reserve('m', '+14155550002'));
    numbers.reserve('m', '+14155550002')!(); // a resend refused: the number was still reached once
    assert.equal(numbers.reserve('m', '+14155550003'), null);
  });

  it('starts a member afresh once the window has passed', () => {
    let now = 0;
    const numbers = new SmsNumbers(1, 1000, 10, () => now);
    assert.ok(numbers.reserve('m', '+14155550001'));
    now = 999;
    assert.equal(numbers.reserve('m', '+14155550002'), null);
    now = 1000;
    assert.ok(numbers.reserve('m', '+14155550002'));
  });

  it('remembers at most `capacity` members, dropping the least recently seen and the old', () => {
    let now = 0;
    const numbers = new SmsNumbers(1, 1000, 100, () => now);
    numbers.reserve('first', '+14155550001');
    for (let i = 0; i < 1000; i++) numbers.reserve(`m${i}`, '+14155550001');
    assert.equal(numbers.size, 100);
    assert.ok(numbers.reserve('first', '+14155550002'), 'forgotten, so it starts afresh');
    now = 5000;
    numbers.reserve('late', '+14155550001');
    assert.equal(numbers.size, 1, 'entries past the window are dropped');
  });
});
