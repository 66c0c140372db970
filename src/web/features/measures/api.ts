import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { get, post, put, query } from "../../app/api.ts";
import { useWrite } from "../../app/mutations.ts";
import type {
  ActionPlanBody,
  ActionPlanResult,
  Administration,
  AdministrationBody,
  AdministrationList,
  Attendance,
  AttendanceBody,
  Comparison,
  Course,
  CourseBody,
  FidelityScale,
  Funnel,
  ImrSummary,
  ImrSummaryBody,
  ImrsComparison,
  ImrsCorrelation,
  InstrumentDetail,
  InstrumentSummary,
  PatientOutcomes,
  ProgrammeOutcomes,
  Review,
  ReviewBody,
  ReviewHistory,
  ScoreResult,
  Supervision,
  SupervisionBody,
  Wording,
  WordingBody,
} from "./types.ts";

export const measuresKeys = {
  all: ["measures"] as const,
  instruments: ["measures", "instruments"] as const,
  instrument: (code: string, language: string) => ["measures", "instrument", code, language] as const,
  score: (code: string, input: unknown) => ["measures", "score", code, input] as const,
  patient: (id: number) => ["measures", "patient", id] as const,
  imrSummary: (patientId: number, siteId: number) =>
    ["measures", "patient", patientId, "imr", siteId] as const,
  programme: (id: number) => ["measures", "programme", id] as const,
  scales: ["measures", "scales"] as const,
  site: (id: number) => ["measures", "site", id] as const,
  review: (id: number) => ["measures", "review", id] as const,
  courses: ["measures", "courses"] as const,
};

// Instruments

/** The library, saying for the user's language whether its texts are shipped or loaded. */
export const useInstruments = () => {
  const language = useTranslation().i18n.language.slice(0, 2);
  return useQuery({
    queryKey: [...measuresKeys.instruments, language],
    queryFn: () => get<InstrumentSummary[]>(`/api/instruments${query({ language })}`),
    staleTime: 5 * 60_000,
  });
};

export const useInstrument = (code: string | null, language: string) =>
  useQuery({
    queryKey: measuresKeys.instrument(code ?? "", language),
    queryFn: () =>
      get<InstrumentDetail>(`/api/instruments/${encodeURIComponent(code!)}${query({ language })}`),
    enabled: code !== null,
  });

/**
 * Live scoring of what the form holds (the server's engine; nothing is stored). Null input: the
 * form has nothing to score yet. Refusals come back as the query's error, with field issues.
 */
export const useLiveScore = (code: string | null, input: { items?: object; totalScore?: number } | null) =>
  useQuery({
    queryKey: measuresKeys.score(code ?? "", input),
    queryFn: () => post<ScoreResult>(`/api/instruments/${encodeURIComponent(code!)}/score`, input),
    enabled: code !== null && input !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useSaveWording = (code: string) =>
  useWrite(
    (body: WordingBody) => put<Wording>(`/api/instruments/${encodeURIComponent(code)}/wording`, body),
    [measuresKeys.instruments, ["measures", "instrument", code]],
  );

// Administrations and patient outcomes

export const useAdministrations = (patientId: number) =>
  useQuery({
    queryKey: [...measuresKeys.patient(patientId), "administrations"],
    queryFn: () => get<AdministrationList>(`/api/patients/${patientId}/administrations`),
  });

export const useRecordAdministration = (patientId: number) =>
  useWrite(
    (body: AdministrationBody) => post<Administration>(`/api/patients/${patientId}/administrations`, body),
    // the timeline shows assessments too
    [measuresKeys.patient(patientId), ["registry", "timeline", patientId]],
  );

export const usePatientOutcomes = (patientId: number) =>
  useQuery({
    queryKey: [...measuresKeys.patient(patientId), "outcomes"],
    queryFn: () => get<PatientOutcomes>(`/api/patients/${patientId}/outcomes`),
  });

export const useImrsComparison = (patientId: number) =>
  useQuery({
    queryKey: [...measuresKeys.patient(patientId), "imrs"],
    queryFn: () => get<ImrsComparison>(`/api/patients/${patientId}/imrs-comparison`),
  });

export const useImrSummary = (patientId: number, siteId: number) =>
  useQuery({
    queryKey: measuresKeys.imrSummary(patientId, siteId),
    queryFn: () => get<ImrSummary>(`/api/patients/${patientId}/imr-summary${query({ siteId })}`),
  });

export const useSaveImrSummary = (patientId: number) =>
  useWrite(
    (body: ImrSummaryBody) => put<ImrSummary>(`/api/patients/${patientId}/imr-summary`, body),
    [measuresKeys.patient(patientId)],
  );

// Programme outcomes

export const useProgrammeOutcomes = (programmeId: number, instrument: string, respondent: string | null) =>
  useQuery({
    queryKey: [...measuresKeys.programme(programmeId), "outcomes", instrument, respondent],
    queryFn: () =>
      get<ProgrammeOutcomes>(`/api/programmes/${programmeId}/outcomes${query({ instrument, respondent })}`),
    placeholderData: keepPreviousData,
  });

export const useImrsCorrelation = (programmeId: number) =>
  useQuery({
    queryKey: [...measuresKeys.programme(programmeId), "imrs-correlation"],
    queryFn: () => get<ImrsCorrelation>(`/api/programmes/${programmeId}/imrs-correlation`),
  });

// Fidelity

export const useFidelityScales = () =>
  useQuery({
    queryKey: measuresKeys.scales,
    queryFn: () => get<FidelityScale[]>("/api/fidelity/scales"),
    staleTime: 5 * 60_000,
  });

export const useReviewHistory = (siteId: number, programmeId: number | null, scale?: string) =>
  useQuery({
    queryKey: [...measuresKeys.site(siteId), "reviews", programmeId, scale ?? "all"],
    queryFn: () =>
      get<ReviewHistory>(`/api/sites/${siteId}/fidelity/reviews${query({ programmeId, scale })}`),
    enabled: programmeId !== null,
    placeholderData: keepPreviousData,
  });

export const useReview = (id: number) =>
  useQuery({ queryKey: measuresKeys.review(id), queryFn: () => get<Review>(`/api/fidelity/reviews/${id}`) });

export const useCreateReview = () =>
  useWrite((body: ReviewBody) => post<Review>("/api/fidelity/reviews", body), [measuresKeys.all]);

export const useFidelityComparison = (programmeId: number, scale: string) =>
  useQuery({
    queryKey: [...measuresKeys.programme(programmeId), "fidelity", scale],
    queryFn: () => get<Comparison>(`/api/programmes/${programmeId}/fidelity/comparison${query({ scale })}`),
    placeholderData: keepPreviousData,
  });

export const useReviewToActionPlan = (reviewId: number) =>
  useWrite(
    (body: ActionPlanBody) => post<ActionPlanResult>(`/api/fidelity/reviews/${reviewId}/action-plan`, body),
    [measuresKeys.review(reviewId), ["planning"]],
  );

// Workforce and training

export const useCourses = (filter: { programmeId?: number; siteId?: number }) =>
  useQuery({
    queryKey: [...measuresKeys.courses, filter],
    queryFn: () => get<Course[]>(`/api/training/courses${query(filter)}`),
  });

export const useCreateCourse = () =>
  useWrite((body: CourseBody) => post<Course>("/api/training/courses", body), [measuresKeys.courses]);

export const useAttendance = (courseId: number) =>
  useQuery({
    queryKey: [...measuresKeys.courses, courseId, "attendance"],
    queryFn: () => get<Attendance>(`/api/training/courses/${courseId}/attendance`),
  });

export const useSaveAttendance = (courseId: number) =>
  useWrite(
    (body: AttendanceBody) => put<Attendance>(`/api/training/courses/${courseId}/attendance`, body),
    [measuresKeys.courses, ["measures", "programme"]],
  );

export const useSupervision = (siteId: number) =>
  useQuery({
    queryKey: [...measuresKeys.site(siteId), "supervision"],
    queryFn: () => get<Supervision[]>(`/api/sites/${siteId}/supervision`),
  });

export const useRecordSupervision = (siteId: number) =>
  useWrite(
    (body: SupervisionBody) => post<Supervision>(`/api/sites/${siteId}/supervision`, body),
    [measuresKeys.site(siteId)],
  );

export const useTrainingFunnel = (programmeId: number, range: { from?: string; to?: string }) =>
  useQuery({
    queryKey: [...measuresKeys.programme(programmeId), "funnel", range],
    queryFn: () => get<Funnel>(`/api/programmes/${programmeId}/training-funnel${query(range)}`),
    placeholderData: keepPreviousData,
  });
