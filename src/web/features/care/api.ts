import { useQuery } from "@tanstack/react-query";
import { get, post, put } from "../../app/api.ts";
import { useWrite } from "../../app/mutations.ts";
import type {
  CarePlan,
  CarePlanBody,
  Consent,
  ConsentBody,
  CrisisPlan,
  CrisisPlanBody,
  PatientCare,
  SharedPatient,
  SharedPlan,
  WithdrawBody,
} from "./types.ts";

export const careKeys = {
  patient: (id: number) => ["care", "patient", id] as const,
  shared: ["care", "shared"] as const,
};

/** The patient page's section: consents, care plan content, crisis plan, and the forms' choices. */
export const usePatientCare = (patientId: number) =>
  useQuery({
    queryKey: careKeys.patient(patientId),
    queryFn: () => get<PatientCare>(`/api/patients/${patientId}/care`),
  });

export const useRecordConsent = (patientId: number) =>
  useWrite(
    (body: ConsentBody) => post<Consent>(`/api/patients/${patientId}/consents`, body),
    [careKeys.patient(patientId), careKeys.shared],
  );

export const useWithdrawConsent = (patientId: number) =>
  useWrite(
    (v: { id: number; body: WithdrawBody }) => post<Consent>(`/api/consents/${v.id}/withdraw`, v.body),
    [careKeys.patient(patientId), careKeys.shared],
  );

export const useSaveCarePlan = (patientId: number) =>
  useWrite(
    (v: { planId: number; body: CarePlanBody }) =>
      put<CarePlan>(`/api/treatment-plans/${v.planId}/content`, v.body),
    [careKeys.patient(patientId), careKeys.shared],
  );

export const useSaveCrisisPlan = (patientId: number) =>
  useWrite(
    (body: CrisisPlanBody) => put<CrisisPlan>(`/api/patients/${patientId}/crisis-plan`, body),
    [careKeys.patient(patientId), careKeys.shared],
  );

/** The patients whose consent names a service of the user's sites. Never cached: consent may change. */
export const useSharedPatients = () =>
  useQuery({
    queryKey: careKeys.shared,
    queryFn: () => get<SharedPatient[]>("/api/care/shared"),
    staleTime: 0,
  });

/** One patient's shared plans; consent is checked by the server on every read (no retry on 403). */
export const useSharedPlan = (patientId: number) =>
  useQuery({
    queryKey: [...careKeys.shared, patientId],
    queryFn: () => get<SharedPlan>(`/api/care/shared/patients/${patientId}`),
    staleTime: 0,
    retry: false,
  });
