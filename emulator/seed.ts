/**
 * The emulator's seed: the same organizations and members in the demo, the README and the tests.
 * Every member's password is {@link SEED_PASSWORD}.
 */

/** A method an organization can allow (`allowed_mfa_methods`): the two factors, not recovery codes. */
export type AllowedMfaMethod = 'sms_otp' | 'totp';
/**
 * @deprecated The kit's `MfaMethod` (stytch-mfa-elements) also has `'recovery_code'`: use
 * {@link AllowedMfaMethod}.
 */
export type MfaMethod = AllowedMfaMethod;
export type MfaPolicy = 'OPTIONAL' | 'REQUIRED_FOR_ALL';
export type MfaMethods = 'ALL_ALLOWED' | 'RESTRICTED';

export interface SeedOrganization {
  organization_id: string;
  organization_slug: string;
  organization_name: string;
  mfa_policy: MfaPolicy;
  mfa_methods: MfaMethods;
  allowed_mfa_methods: AllowedMfaMethod[];
}

export interface SeedMember {
  member_id: string;
  organization_id: string;
  email_address: string;
  name: string;
  password: string;
  mfa_phone_number: string;
  totp_secret: string;
  recovery_codes: string[];
  /**
   * Roles assigned to the member besides `stytch_member`, which every member holds: `['stytch_admin']`
   * for an admin. Absent is none.
   */
  roles?: string[];
}

/** The project's backend credentials (Basic `project_id:secret` on the `/v1/b2b/...` routes). */
export interface ProjectCredentials {
  project_id: string;
  secret: string;
}

export interface Seed {
  /** The backend API's credentials; {@link PROJECT} when absent. */
  project?: ProjectCredentials;
  organizations: SeedOrganization[];
  members: SeedMember[];
}

export const SEED_PASSWORD = 'mfa-demo-password';

/** The seed project's fixed backend credentials: `new B2BClient({ ...PROJECT, env: EMULATOR_URL })`. */
export const PROJECT: ProjectCredentials = {
  project_id: 'project-test-00000000-0000-4000-8000-000000000001',
  secret: 'secret-test-emulator-0000000000000000000000000000',
};

export const ORGANIZATION_IDS = {
  acme: 'organization-test-6d1e2c8a-3f4b-4a51-9b1e-0a9f5c2d7e01',
  globex: 'organization-test-8b7c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d02',
  initech: 'organization-test-2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a03',
} as const;

export const MEMBER_IDS = {
  newAcme: 'member-test-0f1e2d3c-4b5a-4697-8887-766554433201',
  smsAcme: 'member-test-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c02',
  totpAcme: 'member-test-2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d03',
  newGlobex: 'member-test-3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e04',
  userInitech: 'member-test-4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f05',
  adminAcme: 'member-test-5e6f7a8b-9c0d-4e1f-8a2b-4c5d6e7f8a06',
  laterAcme: 'member-test-6f7a8b9c-0d1e-4f2a-9b3c-5d6e7f8a9b07',
  adminInitech: 'member-test-7a8b9c0d-1e2f-4a3b-8c4d-6e7f8a9b0c08',
} as const;

/** The phone of `admin@acme.test`, verified: the admin signs in with an SMS code. */
export const SEED_ADMIN_PHONE = '+14155550102';

/** The TOTP secret of `totp@acme.test`. */
export const SEED_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

/** The ten recovery codes of `totp@acme.test`. */
export const SEED_RECOVERY_CODES = [
  'acme-rcv1-a1b2',
  'acme-rcv2-c3d4',
  'acme-rcv3-e5f6',
  'acme-rcv4-g7h8',
  'acme-rcv5-i9j0',
  'acme-rcv6-k1l2',
  'acme-rcv7-m3n4',
  'acme-rcv8-o5p6',
  'acme-rcv9-q7r8',
  'acme-rc10-s9t0',
];

export const SEED: Seed = {
  project: PROJECT,
  organizations: [
    {
      organization_id: ORGANIZATION_IDS.acme,
      organization_slug: 'acme',
      organization_name: 'Acme Corp',
      mfa_policy: 'REQUIRED_FOR_ALL',
      mfa_methods: 'ALL_ALLOWED',
      allowed_mfa_methods: [],
    },
    {
      organization_id: ORGANIZATION_IDS.globex,
      organization_slug: 'globex',
      organization_name: 'Globex',
      mfa_policy: 'REQUIRED_FOR_ALL',
      mfa_methods: 'RESTRICTED',
      allowed_mfa_methods: ['totp'],
    },
    {
      organization_id: ORGANIZATION_IDS.initech,
      organization_slug: 'initech',
      organization_name: 'Initech',
      mfa_policy: 'OPTIONAL',
      mfa_methods: 'ALL_ALLOWED',
      allowed_mfa_methods: [],
    },
  ],
  members: [
    {
      member_id: MEMBER_IDS.newAcme,
      organization_id: ORGANIZATION_IDS.acme,
      email_address: 'new@acme.test',
      name: 'Nadia New',
      password: SEED_PASSWORD,
      mfa_phone_number: '',
      totp_secret: '',
      recovery_codes: [],
    },
    {
      member_id: MEMBER_IDS.smsAcme,
      organization_id: ORGANIZATION_IDS.acme,
      email_address: 'sms@acme.test',
      name: 'Sam Sms',
      password: SEED_PASSWORD,
      mfa_phone_number: '+14155550101',
      totp_secret: '',
      recovery_codes: [],
    },
    {
      member_id: MEMBER_IDS.totpAcme,
      organization_id: ORGANIZATION_IDS.acme,
      email_address: 'totp@acme.test',
      name: 'Tara Totp',
      password: SEED_PASSWORD,
      mfa_phone_number: '',
      totp_secret: SEED_TOTP_SECRET,
      recovery_codes: SEED_RECOVERY_CODES,
    },
    {
      member_id: MEMBER_IDS.newGlobex,
      organization_id: ORGANIZATION_IDS.globex,
      email_address: 'new@globex.test',
      name: 'Gil Globex',
      password: SEED_PASSWORD,
      mfa_phone_number: '',
      totp_secret: '',
      recovery_codes: [],
    },
    {
      member_id: MEMBER_IDS.userInitech,
      organization_id: ORGANIZATION_IDS.initech,
      email_address: 'user@initech.test',
      name: 'Ivy Initech',
      password: SEED_PASSWORD,
      mfa_phone_number: '',
      totp_secret: '',
      recovery_codes: [],
    },
    {
      member_id: MEMBER_IDS.adminAcme,
      organization_id: ORGANIZATION_IDS.acme,
      email_address: 'admin@acme.test',
      name: 'Ada Admin',
      password: SEED_PASSWORD,
      mfa_phone_number: SEED_ADMIN_PHONE,
      totp_secret: '',
      recovery_codes: [],
      roles: ['stytch_admin'],
    },
    {
      member_id: MEMBER_IDS.laterAcme,
      organization_id: ORGANIZATION_IDS.acme,
      email_address: 'later@acme.test',
      name: 'Lee Later',
      password: SEED_PASSWORD,
      mfa_phone_number: '',
      totp_secret: '',
      recovery_codes: [],
    },
    {
      member_id: MEMBER_IDS.adminInitech,
      organization_id: ORGANIZATION_IDS.initech,
      email_address: 'admin@initech.test',
      name: 'Ian Admin',
      password: SEED_PASSWORD,
      mfa_phone_number: '',
      totp_secret: '',
      recovery_codes: [],
      roles: ['stytch_admin'],
    },
  ],
};
