/**
 * The eligibility check at enrolment: the programme's age band, target diagnoses and "new to
 * service" window (INDICATORS.md definitions: age = year(enrolment) − birth year; diagnosis is a
 * case-sensitive prefix match on the primary diagnosis; new = first contact on or after
 * enrolment − window days). Pure: the result is stored with the enrolment and shown to the user.
 */
import { daysBetween } from "../infra/time/civil-date.ts";

export interface EligibilityInput {
  birthYear: number;
  firstContactDate: string | null;
  primaryDiagnosis: string | null;
  enrolmentDate: string;
}

export interface EligibilityRules {
  ageBand: { min: number; max: number };
  targetDiagnoses: string[];
  newToServiceDays: number;
}

export type CheckRule = "age_band" | "target_diagnosis" | "new_to_service";

export interface EligibilityCheck {
  rule: CheckRule;
  /** true = met, false = not met, null = cannot tell (missing data). */
  ok: boolean | null;
  detail: string;
}

export interface EligibilityResult {
  eligible: boolean;
  checks: EligibilityCheck[];
}

export function checkEligibility(input: EligibilityInput, rules: EligibilityRules): EligibilityResult {
  const age = Number(input.enrolmentDate.slice(0, 4)) - input.birthYear;
  const ageOk = age >= rules.ageBand.min && age <= rules.ageBand.max;
  const checks: EligibilityCheck[] = [
    {
      rule: "age_band",
      ok: ageOk,
      detail: `age ${age} at enrolment; band ${rules.ageBand.min}–${rules.ageBand.max}`,
    },
  ];
  if (rules.targetDiagnoses.length > 0) {
    const dx = input.primaryDiagnosis;
    checks.push({
      rule: "target_diagnosis",
      ok: dx ? rules.targetDiagnoses.some((t) => dx.startsWith(t)) : null,
      detail: dx
        ? `primary diagnosis ${dx}; targets ${rules.targetDiagnoses.join(", ")}`
        : "no primary diagnosis recorded",
    });
  }
  const first = input.firstContactDate;
  checks.push({
    rule: "new_to_service",
    ok: first ? daysBetween(first, input.enrolmentDate) <= rules.newToServiceDays : null,
    detail: first
      ? `first contact ${daysBetween(first, input.enrolmentDate)} days before enrolment; window ${rules.newToServiceDays} days`
      : "no first contact date recorded",
  });
  return { eligible: checks.every((c) => c.ok === true), checks };
}
