import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { get, patch, post, put, query } from "../api.ts";
import { useWrite } from "../mutations.ts";
import type {
  EligibilityResult,
  Enrolment,
  EnrolmentBody,
  EnrolmentPatch,
  Group,
  GroupBody,
  GroupDetail,
  GroupMembersBody,
  GroupSessionBody,
  GroupSessionCreated,
  Intervention,
  InterventionBody,
  InterventionDefaults,
  InterventionList,
  Patient,
  PatientBody,
  PatientDetail,
  PatientPage,
  PlanBody,
  PlanHistory,
  PlanPatch,
  Timeline,
  TreatmentPlan,
  Worklists,
} from "./registry-types.ts";

export const registryKeys = {
  all: ["registry"] as const,
  patients: (f: { siteId: number; q?: string; offset?: number; limit?: number }) =>
    ["registry", "patients", f] as const,
  patient: (id: number) => ["registry", "patient", id] as const,
  timeline: (id: number) => ["registry", "timeline", id] as const,
  eligibility: (f: EligibilityParams) => ["registry", "eligibility", f] as const,
  defaults: (siteId: number) => ["registry", "defaults", siteId] as const,
  groups: (siteId: number) => ["registry", "groups", siteId] as const,
  group: (id: number) => ["registry", "group", id] as const,
  planHistory: (id: number) => ["registry", "plan-history", id] as const,
  worklists: (siteId: number, programmeId?: number) =>
    ["registry", "worklists", siteId, programmeId ?? "all"] as const,
};

/**
 * Every registry write refreshes the registry's queries: a recorded intervention changes the
 * timeline, the early window and the worklists; a signed plan changes the worklists; only the
 * queries on screen are fetched again.
 */
const refresh = [registryKeys.all];

// Patients

export const usePatients = (f: { siteId: number; q?: string; offset?: number; limit?: number }) =>
  useQuery({
    queryKey: registryKeys.patients(f),
    queryFn: () => get<PatientPage>(`/api/patients${query(f)}`),
    placeholderData: keepPreviousData,
  });

/** The details (enrolments) of the patients of a list page, each its own (audited) read. */
export const usePatientDetails = (ids: number[]) =>
  useQueries({
    queries: ids.map((id) => ({
      queryKey: registryKeys.patient(id),
      queryFn: () => get<PatientDetail>(`/api/patients/${id}`),
    })),
  });

export const useTimeline = (id: number) =>
  useQuery({
    queryKey: registryKeys.timeline(id),
    queryFn: () => get<Timeline>(`/api/patients/${id}/timeline`),
  });

export const useCreatePatient = () =>
  useWrite((body: PatientBody) => post<Patient>("/api/patients", body), refresh);

// Enrolments

export interface EligibilityParams {
  patientId: number;
  programmeId: number;
  enrolmentDate: string;
  primaryDiagnosis?: string;
}

export const useEligibility = (params: EligibilityParams | null) =>
  useQuery({
    queryKey: registryKeys.eligibility(params ?? { patientId: 0, programmeId: 0, enrolmentDate: "" }),
    queryFn: () => get<EligibilityResult>(`/api/enrolments/eligibility${query({ ...params })}`),
    enabled: params !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useEnrol = () =>
  useWrite((body: EnrolmentBody) => post<Enrolment>("/api/enrolments", body), refresh);

export const useUpdateEnrolment = () =>
  useWrite(
    ({ id, body }: { id: number; body: EnrolmentPatch }) => patch<Enrolment>(`/api/enrolments/${id}`, body),
    refresh,
  );

// Interventions

export const useInterventionDefaults = (siteId: number, enabled = true) =>
  useQuery({
    queryKey: registryKeys.defaults(siteId),
    queryFn: () => get<InterventionDefaults>(`/api/interventions/defaults${query({ siteId })}`),
    enabled,
  });

export const useRecordIntervention = () =>
  useWrite((body: InterventionBody) => post<Intervention>("/api/interventions", body), refresh);

export const useRecordBatch = () =>
  useWrite(
    (rows: InterventionBody[]) => post<InterventionList>("/api/interventions/batch", { rows }),
    refresh,
  );

// Groups

export const useGroups = (siteId: number) =>
  useQuery({
    queryKey: registryKeys.groups(siteId),
    queryFn: () => get<Group[]>(`/api/groups${query({ siteId })}`),
  });

export const useGroup = (id: number) =>
  useQuery({ queryKey: registryKeys.group(id), queryFn: () => get<GroupDetail>(`/api/groups/${id}`) });

export const useCreateGroup = () => useWrite((body: GroupBody) => post<Group>("/api/groups", body), refresh);

export const useSetMembers = (groupId: number) =>
  useWrite((body: GroupMembersBody) => put<GroupDetail>(`/api/groups/${groupId}/members`, body), refresh);

export const useRecordSession = (groupId: number) =>
  useWrite(
    (body: GroupSessionBody) => post<GroupSessionCreated>(`/api/groups/${groupId}/sessions`, body),
    refresh,
  );

// Treatment plans

export const useCreatePlan = () =>
  useWrite((body: PlanBody) => post<TreatmentPlan>("/api/treatment-plans", body), refresh);

export const useUpdatePlan = () =>
  useWrite(
    ({ id, body }: { id: number; body: PlanPatch }) =>
      patch<TreatmentPlan>(`/api/treatment-plans/${id}`, body),
    refresh,
  );

/**
 * Sign a plan seen in a worklist: the latest version is read from its history and sent as the
 * base version (someone saving in between gets the usual 409 stale_version).
 */
export const useSignPlan = () =>
  useWrite(async (planId: number) => {
    const history = await get<PlanHistory>(`/api/treatment-plans/${planId}/history`);
    const baseVersion = Math.max(...history.versions.map((v) => v.version));
    return patch<TreatmentPlan>(`/api/treatment-plans/${planId}`, { baseVersion, signedByPatient: true });
  }, refresh);

export const usePlanHistory = (id: number) =>
  useQuery({
    queryKey: registryKeys.planHistory(id),
    queryFn: () => get<PlanHistory>(`/api/treatment-plans/${id}/history`),
  });

// Worklists

export const useWorklists = (siteId: number, programmeId?: number) =>
  useQuery({
    queryKey: registryKeys.worklists(siteId, programmeId),
    queryFn: () => get<Worklists>(`/api/sites/${siteId}/worklists${query({ programmeId })}`),
    placeholderData: keepPreviousData,
  });
