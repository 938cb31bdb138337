// The response types Stytch's own packages declare, one alias per endpoint the emulator serves:
// `Sdk…` from `@stytch/vanilla-js` (the `data` of `/sdk/v1/…` answers), `Backend…` from `stytch`
// (the body of `/v1/…` answers). scripts/stytch-schemas.mjs turns each alias into a JSON Schema
// (test/shapes/schemas.json); scripts/response-shapes.mjs checks recorded emulator answers against them.
// test/shapes/endpoints.json says which alias answers which route. Only aliases of declared types here.
import type * as Sdk from '@stytch/vanilla-js/b2b/headless';
import type * as Node from 'stytch';

/**
 * The SDK's answers carry readable tokens unless the project turns on opaque (HttpOnly-cookie)
 * tokens, which the emulator does not emulate.
 */
type Readable = { OpaqueTokens: false };

export type SdkSmsSend = Sdk.B2BSMSSendResponse;
export type SdkSmsAuthenticate = Sdk.B2BSMSAuthenticateResponse<Readable>;
export type SdkSessionAuthenticate = Sdk.B2BSessionAuthenticateResponse<Readable>;
export type SdkSessionRevoke = Sdk.SessionRevokeResponse;
export type SdkPasswordAuthenticate = Sdk.B2BPasswordAuthenticateResponse<Readable>;
export type SdkMagicLinkLoginOrSignup = Sdk.B2BMagicLinkLoginOrSignupResponse;
export type SdkMagicLinksAuthenticate = Sdk.B2BMagicLinksAuthenticateResponse<Readable>;
export type SdkIntermediateSessionsExchange = Sdk.B2BDiscoveryIntermediateSessionsExchangeResponse<Readable>;
export type SdkRecoveryCodesRecover = Sdk.RecoveryCodeRecoverResponse<Readable>;
export type SdkRecoveryCodesGet = Sdk.RecoveryCodeGetResponse;
export type SdkRecoveryCodesRotate = Sdk.RecoveryCodeRotateResponse;
export type SdkOrganizationsGetBySlug = Sdk.B2BOrganizationsGetBySlugResponse;
// organization.get() and self.get() resolve to the `organization` / `member` of these answers; the
// SDK declares those objects and the common fields, not the answer as one type.
export type SdkOrganizationsMe = Sdk.ResponseCommon & { organization: Sdk.Organization };
export type SdkMembersMe = Sdk.MemberResponseCommon;
export type SdkMemberUpdate = Sdk.B2BMemberUpdateResponse;
export type SdkMemberDeletePhone = Sdk.B2BMemberDeleteMFAPhoneNumberResponse;
export type SdkMemberDeleteTotp = Sdk.B2BMemberDeleteMFATOTPResponse;
// An admin's calls on the organization and its members (organization.update, organization.members.*).
export type SdkOrganizationsUpdate = Sdk.B2BOrganizationsUpdateResponse;
export type SdkOrganizationMembersSearch = Sdk.B2BOrganizationsMembersSearchResponse;
export type SdkOrganizationMembersUpdate = Sdk.B2BOrganizationsMembersUpdateResponse;
export type SdkOrganizationMemberDeletePhone = Sdk.B2BOrganizationsMemberDeleteMFAPhoneNumberResponse;
export type SdkOrganizationMemberDeleteTotp = Sdk.B2BOrganizationsMemberDeleteMFATOTPResponse;
export type SdkTotpCreate = Sdk.B2BTOTPCreateResponse;
export type SdkTotpAuthenticate = Sdk.B2BTOTPAuthenticateResponse<Readable>;

export type BackendSessionsAuthenticate = Node.B2BSessionsAuthenticateResponse;
export type BackendSessionsRevoke = Node.B2BSessionsRevokeResponse;
export type BackendSessionsJwks = Node.B2BSessionsGetJWKSResponse;
export type BackendOrganizationsGet = Node.B2BOrganizationsGetResponse;
export type BackendOrganizationsUpdate = Node.B2BOrganizationsUpdateResponse;
export type BackendMembersGet = Node.B2BOrganizationsMembersGetResponse;
export type BackendMembersSearch = Node.B2BOrganizationsMembersSearchResponse;
export type BackendRbacPolicy = Node.B2BRBACPolicyResponse;
export type BackendRbacOrganizationPolicy = Node.B2BRBACOrganizationsGetOrgPolicyResponse;
export type BackendMembersUpdate = Node.B2BOrganizationsMembersUpdateResponse;
export type BackendMembersDeletePhone = Node.B2BOrganizationsMembersDeleteMFAPhoneNumberResponse;
export type BackendMembersDeleteTotp = Node.B2BOrganizationsMembersDeleteTOTPResponse;
export type BackendSmsSend = Node.B2BOTPSmsSendResponse;
export type BackendSmsAuthenticate = Node.B2BOTPSmsAuthenticateResponse;
export type BackendTotpCreate = Node.B2BTOTPsCreateResponse;
export type BackendTotpAuthenticate = Node.B2BTOTPsAuthenticateResponse;
export type BackendRecoveryCodesRecover = Node.B2BRecoveryCodesRecoverResponse;
export type BackendRecoveryCodesGet = Node.B2BRecoveryCodesGetResponse;
export type BackendRecoveryCodesRotate = Node.B2BRecoveryCodesRotateResponse;
export type BackendPasswordsAuthenticate = Node.B2BPasswordsAuthenticateResponse;
export type BackendMagicLinksAuthenticate = Node.B2BMagicLinksAuthenticateResponse;
export type BackendMagicLinkLoginOrSignup = Node.B2BMagicLinksEmailLoginOrSignupResponse;

/** An error answer, as the Node SDK reads it (the browser SDK reads the same fields). */
export type ErrorResponse = Omit<Node.StytchErrorJSON, 'error_details'>;
