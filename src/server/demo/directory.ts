/**
 * Demo services of the directory (issue 13, part 2): a handful of typical Lombardy services of
 * several sectors, invented (no real person, number or address: phones are 000 placeholders of
 * the right shape, addresses example.org). One is marked private to show the difference on the
 * public page, which stays off as in any new region.
 */
export interface DemoDirectoryService {
  code: string;
  name: string;
  sector: string;
  description: string;
  areas: string[];
  eligibility: string;
  referralRoute: "self" | "professional" | "both";
  referralHow: string;
  phone: string | null;
  phonePrivate: boolean;
  email: string | null;
  web: string | null;
  openingHours: string;
  languages: string[];
}

export const DEMO_DIRECTORY: DemoDirectoryService[] = [
  {
    code: "DIR-CPS-LECCO",
    name: "Centro psico-sociale di Lecco",
    sector: "health",
    description: "Valutazione, cura e presa in carico territoriale dei disturbi mentali degli adulti.",
    areas: ["ATS-BRI"],
    eligibility: "Adulti dai 18 anni residenti nel distretto",
    referralRoute: "both",
    referralHow: "Accesso diretto o impegnativa del medico di medicina generale",
    phone: "+39 0341 000100",
    phonePrivate: false,
    email: "cps.demo@example.org",
    web: "https://example.org/cps-lecco",
    openingHours: "Lun-Ven 8:30-17:00",
    languages: ["it", "en"],
  },
  {
    code: "DIR-SERVIZI-SOCIALI-MB",
    name: "Servizio sociale professionale del Comune",
    sector: "social_care",
    description: "Segretariato sociale, sostegno economico, progetti di inclusione e tutela.",
    areas: ["ATS-BRI"],
    eligibility: "Residenti del comune",
    referralRoute: "self",
    referralHow: "Appuntamento allo sportello di segretariato sociale",
    phone: "+39 039 000200",
    phonePrivate: false,
    email: null,
    web: "https://example.org/servizi-sociali",
    openingHours: "Mar e Gio 9:00-12:30",
    languages: ["it"],
  },
  {
    code: "DIR-CLUB-PSICHE",
    name: "Club Psiche — associazione di familiari",
    sector: "third_sector",
    description: "Gruppi per familiari, attività ricreative e di sensibilizzazione.",
    areas: ["ATS-MI", "ATS-BRI"],
    eligibility: "Familiari e persone con esperienza di disagio psichico",
    referralRoute: "self",
    referralHow: "Partecipazione libera al primo incontro",
    phone: "+39 02 000300",
    phonePrivate: true,
    email: "club.demo@example.org",
    web: null,
    openingHours: "Mercoledì 18:00-20:00",
    languages: ["it", "es"],
  },
  {
    code: "DIR-ABITARE-BS",
    name: "Abitare sociale Brescia",
    sector: "housing",
    description: "Residenzialità leggera e appartamenti condivisi con sostegno educativo.",
    areas: ["ATS-BRE"],
    eligibility: "Persone seguite dai servizi di salute mentale",
    referralRoute: "professional",
    referralHow: "Invio del case manager del CPS con progetto individuale",
    phone: "+39 030 000400",
    phonePrivate: false,
    email: "abitare.demo@example.org",
    web: null,
    openingHours: "Su appuntamento",
    languages: ["it"],
  },
  {
    code: "DIR-IPS-LAVORO",
    name: "Inserimento lavorativo IPS",
    sector: "employment",
    description: "Supporto individuale alla ricerca e al mantenimento di un impiego (modello IPS).",
    areas: ["ATS-INS", "ATS-MON"],
    eligibility: "Persone in carico ai servizi che desiderano lavorare",
    referralRoute: "professional",
    referralHow: "Segnalazione dell'équipe curante",
    phone: null,
    phonePrivate: false,
    email: "ips.demo@example.org",
    web: "https://example.org/ips",
    openingHours: "Lun-Ven 9:00-18:00",
    languages: ["it", "en", "fr"],
  },
  {
    code: "DIR-ESP-PARI",
    name: "Punto di ascolto tra pari",
    sector: "peer_support",
    description: "Esperti per esperienza offrono ascolto e accompagnamento.",
    areas: ["ATS-VPA"],
    eligibility: "Chiunque, senza invio",
    referralRoute: "self",
    referralHow: "Presentarsi negli orari di apertura",
    phone: "+39 0372 000500",
    phonePrivate: false,
    email: null,
    web: null,
    openingHours: "Sabato 10:00-13:00",
    languages: ["it", "ar"],
  },
];
