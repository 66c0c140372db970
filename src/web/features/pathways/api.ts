import { useQuery } from "@tanstack/react-query";
import { get, post, put, query } from "../../app/api.ts";
import { registryKeys } from "../../app/data/registry.ts";
import { useWrite } from "../../app/mutations.ts";
import type {
  CheckIn,
  CheckInBody,
  Disengagement,
  EnrolmentCoordinator,
  MissedAppointment,
  MissedAppointmentBody,
  Referral,
  ReferralBody,
  ReferralDecisionBody,
  SiteQuadrants,
  Stratification,
  StratificationBody,
  WaitingTimes,
} from "./types.ts";

/**
 * Under the registry's key: every registry write (an intervention, an enrolment) refreshes these
 * too — a delivered intervention takes a patient off a disengagement list, an enrolment with a case
 * manager names a coordinator.
 */
export const pathwayKeys = {
  referrals: (patientId: number) => [...registryKeys.all, "pathways", "referrals", patientId] as const,
  waiting: [...registryKeys.all, "pathways", "waiting"] as const,
  quadrants: (patientId: number) => [...registryKeys.all, "pathways", "quadrants", patientId] as const,
  siteQuadrants: [...registryKeys.all, "pathways", "site-quadrants"] as const,
  disengagement: [...registryKeys.all, "pathways", "disengagement"] as const,
  coordinators: (patientId: number) => [...registryKeys.all, "pathways", "coordinators", patientId] as const,
};

/** A patient's referrals at the user's sites. */
export const useReferrals = (patientId: number) =>
  useQuery({
    queryKey: pathwayKeys.referrals(patientId),
    queryFn: () => get<Referral[]>(`/api/patients/${patientId}/referrals`),
  });

export const useRecordReferral = (patientId: number) =>
  useWrite(
    (body: ReferralBody) => post<Referral>("/api/referrals", body),
    [pathwayKeys.referrals(patientId), pathwayKeys.waiting],
  );

export const useDecideReferral = (patientId: number) =>
  useWrite(
    ({ id, body }: { id: number; body: ReferralDecisionBody }) =>
      put<Referral>(`/api/referrals/${id}/decision`, body),
    [pathwayKeys.referrals(patientId), pathwayKeys.waiting],
  );

/** The programme's referral waiting times per site. */
export const useWaitingTimes = (programmeId: number) =>
  useQuery({
    queryKey: [...pathwayKeys.waiting, programmeId],
    queryFn: () => get<WaitingTimes>(`/api/programmes/${programmeId}/referral-waiting-times`),
  });

export const useStratifications = (patientId: number) =>
  useQuery({
    queryKey: pathwayKeys.quadrants(patientId),
    queryFn: () => get<Stratification[]>(`/api/patients/${patientId}/pathway-stratifications`),
  });

export const useRecordStratification = (patientId: number) =>
  useWrite(
    (body: StratificationBody) => post<Stratification>("/api/pathway-stratifications", body),
    [pathwayKeys.quadrants(patientId), pathwayKeys.siteQuadrants],
  );

export const useSiteQuadrants = (siteId: number) =>
  useQuery({
    queryKey: [...pathwayKeys.siteQuadrants, siteId],
    queryFn: () => get<SiteQuadrants>(`/api/sites/${siteId}/quadrants`),
  });

/** "Did not attend" from the intervention form: a missed appointment, never an intervention. */
export const useRecordMissedAppointment = () =>
  useWrite(
    (body: MissedAppointmentBody) => post<MissedAppointment>("/api/missed-appointments", body),
    [pathwayKeys.disengagement],
  );

export const useDisengagement = (siteId: number, days: number) =>
  useQuery({
    queryKey: [...pathwayKeys.disengagement, siteId, days],
    queryFn: () => get<Disengagement>(`/api/sites/${siteId}/disengagement${query({ days })}`),
  });

export const useRecordCheckIn = () =>
  useWrite((body: CheckInBody) => post<CheckIn>("/api/check-ins", body), [pathwayKeys.disengagement]);

export const useCoordinators = (patientId: number) =>
  useQuery({
    queryKey: pathwayKeys.coordinators(patientId),
    queryFn: () => get<EnrolmentCoordinator[]>(`/api/patients/${patientId}/coordinators`),
  });

/** Name an enrolment's coordinator; the registry's views of the enrolment (worklists, timeline) are read again too. */
export const useSetCoordinator = () =>
  useWrite(
    ({ enrolmentId, professionalId }: { enrolmentId: number; professionalId: number | null }) =>
      put<EnrolmentCoordinator>(`/api/enrolments/${enrolmentId}/coordinator`, { professionalId }),
    [registryKeys.all],
  );
