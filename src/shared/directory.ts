/**
 * The closed lists of the service directory (issue 13, part 2), shared by the server's schemas,
 * its CSV format (docs/directory.md) and the web app's forms.
 */
export const DIRECTORY_SECTORS = [
  "health",
  "social_care",
  "third_sector",
  "housing",
  "employment",
  "education",
  "peer_support",
  "other",
] as const;
export type DirectorySector = (typeof DIRECTORY_SECTORS)[number];

/** How a person reaches a service: on their own, through a professional, or either. */
export const REFERRAL_ROUTES = ["self", "professional", "both"] as const;
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];

/** Languages are ISO 639 codes, lower case (`it`, `en`, `ar`, `zh`…). */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;
export const PHONE = /^\+?[0-9][0-9 ./-]{3,30}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const WEB = /^https?:\/\/[^\s]+$/;
