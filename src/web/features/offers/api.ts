import { useQuery } from "@tanstack/react-query";
import { get, post } from "../../app/api.ts";
import { useWrite } from "../../app/mutations.ts";
import type { DeclinedOffer, DeclinedOfferBody, Uptake } from "./types.ts";

export const offerKeys = {
  patient: (id: number) => ["declined-offers", "patient", id] as const,
  uptake: ["declined-offers", "uptake"] as const,
};

/** A patient's declined offers at the user's sites. */
export const useDeclinedOffers = (patientId: number) =>
  useQuery({
    queryKey: offerKeys.patient(patientId),
    queryFn: () => get<DeclinedOffer[]>(`/api/patients/${patientId}/declined-offers`),
  });

/** The programme's uptake per site over the last 12 months. */
export const useUptake = (programmeId: number) =>
  useQuery({
    queryKey: [...offerKeys.uptake, programmeId],
    queryFn: () => get<Uptake>(`/api/programmes/${programmeId}/uptake`),
  });

/** Record an offer declined; the patient's list and every uptake are read again. */
export const useRecordDeclinedOffer = (patientId: number) =>
  useWrite(
    (body: DeclinedOfferBody) => post<DeclinedOffer>("/api/declined-offers", body),
    [offerKeys.patient(patientId), offerKeys.uptake],
  );
