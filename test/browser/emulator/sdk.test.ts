// The real StytchB2BHeadlessClient, over HTTP, against the emulator mounted in the test runner.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { StytchAPIError, StytchAPIUnreachableError } from '@stytch/vanilla-js';
import { login, signOut, testClient } from '../support/client.js';
import {
  advanceClock,
  emulatorNowMs,
  injectFault,
  lastSmsCode,
  MEMBER_IDS,
  ORGANIZATION_IDS,
  resetEmulator,
  SEED_RECOVERY_CODES,
  SEED_TOTP_SECRET,
  smsOutbox,
} from '../support/emulator.js';
import { offOriginRequests, requestedUrls, takeViolations } from '../support/network-guard.js';
import { totpCode } from '../support/totp.js';
import { failure } from '../support/failure.js';

const client = testClient();

describe('Stytch SDK against the emulator', () => {
  beforeEach(async () => {
    await signOut();
    await resetEmulator();
  });

  it('enrolls a new member by SMS after a password login', async () => {
    const primary = await login('new@acme.test');
    expect(primary.member_authenticated).to.equal(false);
    expect(primary.intermediate_session_token).to.be.a('string').and.not.equal('');
    expect(primary.mfa_required).to.deep.equal({ member_options: null, secondary_auth_initiated: null });
    expect(client.session.getSync()).to.equal(null);

    await client.otps.sms.send({
      organization_id: ORGANIZATION_IDS.acme,
      member_id: MEMBER_IDS.newAcme,
      mfa_phone_number: '+14155550123',
    });
    const code = await lastSmsCode('+14155550123');
    const result = await client.otps.sms.authenticate({
      organization_id: ORGANIZATION_IDS.acme,
      member_id: MEMBER_IDS.newAcme,
      code,
      session_duration_minutes: 60,
      set_mfa_enrollment: 'enroll',
    });

    expect(result.member.mfa_enrolled).to.equal(true);
    expect(result.member.mfa_phone_number).to.equal('+14155550123');
    expect(result.member.mfa_phone_number_verified).to.equal(true);
    expect(result.member.default_mfa_method).to.equal('sms_otp');
    const session = client.session.getSync();
    expect(session?.member_id).to.equal(MEMBER_IDS.newAcme);
    expect(session?.authentication_factors.map((f) => f.delivery_method)).to.deep.equal(['knowledge', 'sms']);
    const me = await client.self.get();
    expect(me?.mfa_enrolled).to.equal(true);
  });

  it('enrolls a new member by TOTP with a code computed independently', async () => {
    await login('new@acme.test');
    const created = await client.totp.create({
      organization_id: ORGANIZATION_IDS.acme,
      member_id: MEMBER_IDS.newAcme,
    });
    expect(created.secret).to.match(/^[A-Z2-7]{32}$/);
    expect(created.qr_code).to.match(/^data:image\/png;base64,/);
    expect(created.recovery_codes).to.have.length(10);
    for (const code of created.recovery_codes) expect(code).to.match(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);

    const result = await client.totp.authenticate({
      organization_id: ORGANIZATION_IDS.acme,
      member_id: MEMBER_IDS.newAcme,
      code: totpCode(created.secret, await emulatorNowMs()),
      session_duration_minutes: 60,
      set_mfa_enrollment: 'enroll',
    });
    expect(result.member.totp_registration_id).to.equal(created.totp_registration_id);
    expect(result.member.mfa_enrolled).to.equal(true);
    expect(client.session.getSync()?.member_id).to.equal(MEMBER_IDS.newAcme);
  });

  it('sends the SMS itself for a returning SMS member and accepts that code', async () => {
    const primary = await login('sms@acme.test');
    expect(primary.mfa_required?.secondary_auth_initiated).to.equal('sms_otp');
    expect(primary.mfa_required?.member_options?.mfa_phone_number).to.equal('+14155550101');
    expect(await smsOutbox('+14155550101')).to.have.length(1);
    await client.otps.sms.authenticate({
      organization_id: ORGANIZATION_IDS.acme,
      member_id: MEMBER_IDS.smsAcme,
      code: await lastSmsCode('+14155550101'),
      session_duration_minutes: 60,
    });
    expect(client.session.getSync()?.member_id).to.equal(MEMBER_IDS.smsAcme);
  });

  it('logs a TOTP member in with a recovery code once, and refuses it the second time', async () => {
    const primary = await login('totp@acme.test');
    expect(primary.mfa_required?.secondary_auth_initiated).to.equal(null);
    expect(primary.mfa_required?.member_options?.totp_registration_id).to.not.equal('');
    const recovered = await client.recoveryCodes.recover({
      organization_id: ORGANIZATION_IDS.acme,
      member_id: MEMBER_IDS.totpAcme,
      recovery_code: SEED_RECOVERY_CODES[0]!,
      session_duration_minutes: 60,
    });
    expect(recovered.recovery_codes_remaining).to.equal(9);
    expect(client.session.getSync()?.member_id).to.equal(MEMBER_IDS.totpAcme);

    await signOut();
    await login('totp@acme.test');
    const error = await failure(
      client.recoveryCodes.recover({
        organization_id: ORGANIZATION_IDS.acme,
        member_id: MEMBER_IDS.totpAcme,
        recovery_code: SEED_RECOVERY_CODES[0]!,
        session_duration_minutes: 60,
      }),
    );
    expect(error).to.be.instanceOf(StytchAPIError);
    expect((error as StytchAPIError).error_type).to.equal('unable_to_authenticate_recovery_code');
  });

  it('reads and rotates recovery codes with a session', async () => {
    await login('totp@acme.test');
    await client.totp.authenticate({
      organization_id: ORGANIZATION_IDS.acme,
      member_id: MEMBER_IDS.totpAcme,
      code: totpCode(SEED_TOTP_SECRET, await emulatorNowMs()),
      session_duration_minutes: 60,
    });
    const { recovery_codes } = await client.recoveryCodes.get();
    expect(recovery_codes).to.deep.equal(SEED_RECOVERY_CODES);
    const rotated = await client.recoveryCodes.rotate();
    expect(rotated.recovery_codes).to.have.length(10);
    expect(rotated.recovery_codes).to.not.include(SEED_RECOVERY_CODES[0]);
  });

  describe('failures reach the SDK as real Stytch gives them', () => {
    const smsAuth = (code: string) =>
      client.otps.sms.authenticate({
        organization_id: ORGANIZATION_IDS.acme,
        member_id: MEMBER_IDS.smsAcme,
        code,
        session_duration_minutes: 60,
      });

    it('a wrong SMS code is otp_code_not_found, and the right one still works after', async () => {
      await login('sms@acme.test');
      const right = await lastSmsCode('+14155550101');
      const wrong = right === '000000' ? '111111' : '000000';
      const error = await failure(smsAuth(wrong));
      expect(error).to.be.instanceOf(StytchAPIError);
      expect((error as StytchAPIError).error_type).to.equal('otp_code_not_found');
      expect((error as StytchAPIError).status_code).to.equal(404);
      await smsAuth(right);
      expect(client.session.getSync()).to.not.equal(null);
    });

    it('an expired SMS code is unable_to_auth_otp_code', async () => {
      await login('sms@acme.test');
      const code = await lastSmsCode('+14155550101');
      await advanceClock(121);
      const error = (await failure(smsAuth(code))) as StytchAPIError;
      expect(error.error_type).to.equal('unable_to_auth_otp_code');
      expect(error.status_code).to.equal(401);
    });

    it('a TOTP code is not accepted twice', async () => {
      await login('totp@acme.test');
      const code = totpCode(SEED_TOTP_SECRET, await emulatorNowMs());
      const authenticate = () =>
        client.totp.authenticate({
          organization_id: ORGANIZATION_IDS.acme,
          member_id: MEMBER_IDS.totpAcme,
          code,
          session_duration_minutes: 60,
        });
      await authenticate();
      // Step up with the same code on the new session: refused.
      const error = (await failure(authenticate())) as StytchAPIError;
      expect(error.error_type).to.equal('totp_code_already_authenticated');
    });

    it('SMS sends past the rate limit are 429 too_many_requests', async () => {
      await login('new@acme.test');
      const send = () =>
        client.otps.sms.send({
          organization_id: ORGANIZATION_IDS.acme,
          member_id: MEMBER_IDS.newAcme,
          mfa_phone_number: '+14155550199',
        });
      for (let i = 0; i < 5; i++) await send();
      const error = (await failure(send())) as StytchAPIError;
      expect(error.error_type).to.equal('too_many_requests');
      expect(error.status_code).to.equal(429);
      expect(await smsOutbox('+14155550199')).to.have.length(5);
    });

    it('an injected 500 is a StytchAPIError internal_server_error', async () => {
      await login('new@acme.test');
      await injectFault({ path: '/b2b/otps/sms/send', status: 500 });
      const error = (await failure(
        client.otps.sms.send({
          organization_id: ORGANIZATION_IDS.acme,
          member_id: MEMBER_IDS.newAcme,
          mfa_phone_number: '+14155550123',
        }),
      )) as StytchAPIError;
      expect(error).to.be.instanceOf(StytchAPIError);
      expect(error.error_type).to.equal('internal_server_error');
      expect(error.status_code).to.equal(500);
      expect(await smsOutbox()).to.have.length(0);
    });

    it('a dropped connection is StytchAPIUnreachableError', async () => {
      await login('new@acme.test');
      await injectFault({ path: '/b2b/otps/sms/send', drop: true });
      const error = await failure(
        client.otps.sms.send({
          organization_id: ORGANIZATION_IDS.acme,
          member_id: MEMBER_IDS.newAcme,
          mfa_phone_number: '+14155550123',
        }),
      );
      expect(error).to.be.instanceOf(StytchAPIUnreachableError);
      expect(await smsOutbox()).to.have.length(0);
    });

    it('a malformed body is StytchAPIUnreachableError', async () => {
      await login('new@acme.test');
      await injectFault({ path: '/b2b/totp', malformed: true });
      const error = await failure(
        client.totp.create({ organization_id: ORGANIZATION_IDS.acme, member_id: MEMBER_IDS.newAcme }),
      );
      expect(error).to.be.instanceOf(StytchAPIUnreachableError);
    });

    it('an expired intermediate session is intermediate_session_not_found', async () => {
      await login('sms@acme.test');
      const code = await lastSmsCode('+14155550101');
      await advanceClock(11 * 60);
      const error = (await failure(smsAuth(code))) as StytchAPIError;
      expect(error.error_type).to.equal('intermediate_session_not_found');
    });
  });

  describe('network hygiene', () => {
    it('the SDK reached no origin but this one', async () => {
      await login('new@acme.test');
      await client.otps.sms.send({
        organization_id: ORGANIZATION_IDS.acme,
        member_id: MEMBER_IDS.newAcme,
        mfa_phone_number: '+14155550123',
      });
      const sdkCalls = requestedUrls().filter((url) => url.includes('/sdk/v1/'));
      expect(sdkCalls.some((url) => url.includes('/sdk/v1/projects/bootstrap/'))).to.equal(true);
      expect(sdkCalls.some((url) => url.endsWith('/sdk/v1/b2b/otps/sms/send'))).to.equal(true);
      expect(offOriginRequests()).to.deep.equal([]);
    });

    it('a request to another origin is blocked and recorded', async () => {
      const blocked = await failure(fetch('http://example.com/'));
      expect(blocked).to.be.instanceOf(TypeError);
      let recorded: string[] = [];
      await waitUntil(
        () => (recorded = [...recorded, ...takeViolations()]).length > 0,
        'a CSP violation was recorded',
      );
      expect(recorded.join('\n')).to.contain('connect-src').and.contain('http://example.com');
    });
  });
});
