import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REFERRAL_DECISIONS, REFERRAL_DECLINE_REASONS } from "../../shared/pathways.ts";
import { addDays } from "../infra/time/civil-date.ts";
import { type ReferralState, referralStateIssues, waitingCells, waitingDays } from "./referral-rules.ts";

const REFERRED = "2026-03-10";
const TODAY = "2026-04-01";
const dateAround = fc.integer({ min: -40, max: 40 }).map((d) => addDays(REFERRED, d));
const state: fc.Arbitrary<ReferralState> = fc.record({
  decision: fc.constantFrom(...REFERRAL_DECISIONS),
  decisionDate: fc.option(dateAround, { nil: null }),
  declineReason: fc.option(fc.constantFrom(...REFERRAL_DECLINE_REASONS), { nil: null }),
  firstContactDate: fc.option(dateAround, { nil: null }),
});

describe("a referral's decision", () => {
  it("is accepted only when it satisfies every check of the referrals table", () => {
    fc.assert(
      fc.property(state, (s) => {
        if (referralStateIssues(s, REFERRED, TODAY).length > 0) return;
        // the checks of migration 0024, and no date after today
        expect(s.decision === "pending").toBe(s.decisionDate === null);
        expect(s.decision === "declined").toBe(s.declineReason !== null);
        if (s.decisionDate) expect(s.decisionDate >= REFERRED && s.decisionDate <= TODAY).toBe(true);
        if (s.firstContactDate) {
          expect(s.decision).toBe("accepted");
          expect(s.firstContactDate >= REFERRED && s.firstContactDate <= TODAY).toBe(true);
        }
        expect(waitingDays({ referralDate: REFERRED, ...s }, TODAY)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("names each field and rule", () => {
    const issues = referralStateIssues(
      {
        decision: "declined",
        decisionDate: "2026-03-01",
        declineReason: null,
        firstContactDate: "2026-03-20",
      },
      REFERRED,
      TODAY,
    );
    expect(issues.map((i) => `${i.field}:${i.rule}`)).toEqual([
      "body.decisionDate:before_referral",
      "body.declineReason:required",
      "body.firstContactDate:only_when_accepted",
    ]);
    expect(
      referralStateIssues(
        { decision: "pending", decisionDate: "2026-03-12", declineReason: "other", firstContactDate: null },
        REFERRED,
        TODAY,
      ).map((i) => i.rule),
    ).toEqual(["only_when_decided", "only_when_declined"]);
    expect(
      referralStateIssues(
        { decision: "accepted", decisionDate: "2026-04-02", declineReason: null, firstContactDate: null },
        REFERRED,
        TODAY,
      ).map((i) => i.rule),
    ).toEqual(["future"]);
  });
});

describe("waiting days", () => {
  it("run to the first contact, else the decision, else today", () => {
    const r = { referralDate: REFERRED, decisionDate: null, firstContactDate: null };
    expect(waitingDays(r, TODAY)).toBe(22);
    expect(waitingDays({ ...r, decisionDate: "2026-03-15" }, TODAY)).toBe(5);
    expect(waitingDays({ ...r, decisionDate: "2026-03-15", firstContactDate: "2026-03-30" }, TODAY)).toBe(20);
  });

  it("hide a row of 1–4 referrals from users who see small cells suppressed", () => {
    const row = { referrals: 3, median: 4, p90: 9, pending_over: 0 };
    expect(waitingCells(row, true).suppressed).toBe(true);
    expect(waitingCells(row, true).medianDays).toBeNull();
    expect(waitingCells(row, false)).toEqual({
      referrals: 3,
      medianDays: 4,
      p90Days: 9,
      pendingOver: 0,
      suppressed: false,
    });
    expect(waitingCells({ ...row, referrals: 12, pending_over: 2 }, true).suppressed).toBe(true);
    expect(waitingCells({ ...row, referrals: 12, pending_over: 0 }, true).suppressed).toBe(false);
  });
});
