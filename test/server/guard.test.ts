// The handler's cross-site guard, one defence at a time: a browser may send `Origin` without
// `Sec-Fetch-Site` (older engines) or `Sec-Fetch-Site` without `Origin` (some same-site navigations
// and fetches), so each header must refuse a cross-site request on its own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusal } from '../../server/guard.js';

const URL_ = 'https://app.test/api/mfa/member/update';

function request(headers: Record<string, string>, init: { method?: string } = {}): Request {
  return new Request(URL_, {
    method: init.method ?? 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    ...((init.method ?? 'POST') === 'POST' ? { body: '{}' } : {}),
  });
}

const status = (headers: Record<string, string>, allowed: string[] = []) =>
  refusal(request(headers), allowed)?.status ?? 200;

describe('the cross-site guard', () => {
  it('lets a same-origin request through, with either header or none', () => {
    assert.equal(status({}), 200);
    assert.equal(status({ Origin: 'https://app.test' }), 200);
    assert.equal(status({ 'Sec-Fetch-Site': 'same-origin' }), 200);
    assert.equal(status({ Origin: 'https://app.test', 'Sec-Fetch-Site': 'same-origin' }), 200);
  });

  it('refuses a foreign Origin by itself, with no Sec-Fetch-Site', () => {
    assert.equal(status({ Origin: 'https://evil.test' }), 403);
    assert.equal(status({ Origin: 'null' }), 403);
    assert.equal(status({ Origin: 'https://app.test.evil.test' }), 403);
  });

  it('refuses a foreign Origin even when Sec-Fetch-Site says same-origin', () => {
    assert.equal(status({ Origin: 'https://evil.test', 'Sec-Fetch-Site': 'same-origin' }), 403);
  });

  it('refuses a cross-site or same-site Sec-Fetch-Site by itself, with no Origin', () => {
    assert.equal(status({ 'Sec-Fetch-Site': 'cross-site' }), 403);
    assert.equal(status({ 'Sec-Fetch-Site': 'same-site' }), 403);
    assert.equal(status({ 'Sec-Fetch-Site': 'none' }), 403);
  });

  it('lets an allowed origin through even when Sec-Fetch-Site says same-site', () => {
    const allowed = ['https://sub.app.test'];
    assert.equal(status({ Origin: 'https://sub.app.test', 'Sec-Fetch-Site': 'same-site' }, allowed), 200);
    assert.equal(status({ Origin: 'https://other.app.test', 'Sec-Fetch-Site': 'same-site' }, allowed), 403);
    // Allowing an origin does not let a request that names none through as cross-site.
    assert.equal(status({ 'Sec-Fetch-Site': 'same-site' }, allowed), 403);
  });

  it('refuses what is not a POST of JSON before looking at the origin', () => {
    assert.equal(refusal(request({}, { method: 'GET' }), [])?.status, 405);
    assert.equal(status({ 'Content-Type': 'text/plain' }), 415);
    assert.equal(status({ 'Content-Type': 'application/x-www-form-urlencoded' }), 415);
    assert.equal(status({ 'Content-Type': 'application/json; charset=utf-8' }), 200);
  });

  it('reads the content type exactly: JSON in any case, with parameters, and nothing that only contains it', () => {
    assert.equal(status({ 'Content-Type': 'Application/JSON' }), 200);
    assert.equal(status({ 'Content-Type': 'application/json ; charset=utf-8' }), 200);
    assert.equal(status({ 'Content-Type': 'application/jsonp' }), 415);
    assert.equal(status({ 'Content-Type': 'text/plain; x=application/json' }), 415);
  });

  it('says why it refuses, in the message the page reads', () => {
    const why = (headers: Record<string, string>) => refusal(request(headers), [])?.message;
    assert.equal(why({ 'Content-Type': 'text/plain' }), 'The body must be application/json.');
    assert.equal(why({ Origin: 'https://evil.test' }), 'Cross-site requests are refused.');
    assert.equal(why({ 'Sec-Fetch-Site': 'cross-site' }), 'Cross-site requests are refused.');
  });
});
