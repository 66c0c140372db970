/**
 * The ImpleMENTAL template in Italian: every text of `implemental.ts`, keyed by its English
 * wording (ids, codes and numbers are the same in both languages). `localise.ts` applies it;
 * `tests/i18n/server-bilingual.test.ts` fails when a text of the template has no entry here or
 * an entry matches no text.
 */
export const IMPLEMENTAL_IT: Readonly<Record<string, string>> = {
  "ImpleMENTAL (Lombardy pilot)": "ImpleMENTAL (progetto pilota lombardo)",
  "SANA areas and indicators, SWOT tags with CFIR 2.0 domains, a Theory of Change skeleton, the pilot action plan's strategic areas and the progress questionnaire, as used by the Joint Action ImpleMENTAL pilot in Lombardy.":
    "Aree e indicatori SANA, etichette SWOT con i domini CFIR 2.0, lo scheletro di una Teoria del cambiamento, le aree strategiche del piano d'azione pilota e il questionario di avanzamento, come nel progetto pilota della Joint Action ImpleMENTAL in Lombardia.",
  Demography: "Demografia",
  "The population of the implementation area.": "La popolazione dell'area di implementazione.",
  "Total population": "Popolazione totale",
  persons: "persone",
  "Adult population (18+)": "Popolazione adulta (18+)",
  "Young adults aged 18–30": "Giovani adulti di 18–30 anni",
  "% of adults": "% degli adulti",
  "Primary health care system": "Sistema delle cure primarie",
  "General practitioners": "Medici di medicina generale",
  "per 100,000 adults": "per 100.000 adulti",
  "Structured collaboration between primary care and mental health services":
    "Collaborazione strutturata tra cure primarie e servizi di salute mentale",
  "Policy and legislative framework": "Quadro politico e normativo",
  "Mental health plan in force": "Piano di salute mentale in vigore",
  "Year of the current mental health plan": "Anno del piano di salute mentale vigente",
  year: "anno",
  "Main mental health legislation": "Principale normativa sulla salute mentale",
  "Care pathway for personality disorders adopted": "Percorso di cura per i disturbi di personalità adottato",
  Funding: "Finanziamento",
  "Mental health share of health expenditure": "Quota della spesa sanitaria per la salute mentale",
  "%": "%",
  "Mental health expenditure per adult": "Spesa per la salute mentale per adulto",
  "€": "€",
  "Mental health services for adults: availability": "Servizi di salute mentale per adulti: disponibilità",
  "Community mental health centres": "Centri di salute mentale territoriali",
  "Psychiatric beds in general hospitals": "Posti letto psichiatrici negli ospedali generali",
  "Residential places": "Posti residenziali",
  "Teams specialised in young patients": "Équipe dedicate ai giovani",
  "Mental health services for adults: use": "Servizi di salute mentale per adulti: utilizzo",
  "Patients treated": "Pazienti trattati",
  "per 10,000 adults": "per 10.000 adulti",
  "Patients aged 18–24 with a personality disorder in contact with services":
    "Pazienti di 18–24 anni con disturbo di personalità in contatto con i servizi",
  "Patients with a personality disorder receiving psychosocial interventions":
    "Pazienti con disturbo di personalità che ricevono interventi psicosociali",
  "Services for children and adolescents": "Servizi per l'infanzia e l'adolescenza",
  "Child and adolescent mental health services":
    "Servizi di neuropsichiatria dell'infanzia e dell'adolescenza",
  "per 100,000 minors": "per 100.000 minori",
  "Shared transition procedure to adult services": "Procedura condivisa di passaggio ai servizi per adulti",
  Workforce: "Personale",
  "Staff present in mental health services.": "Il personale presente nei servizi di salute mentale.",
  Psychiatrists: "Psichiatri",
  Psychologists: "Psicologi",
  Nurses: "Infermieri",
  "Social workers": "Assistenti sociali",
  "Rehabilitation therapists and educators": "Tecnici della riabilitazione psichiatrica ed educatori",
  "Mental health information system": "Sistema informativo per la salute mentale",
  "Information system covers community services": "Il sistema informativo copre i servizi territoriali",
  "Individual interventions recorded by type": "Interventi individuali registrati per tipo",
  "Patients with an up-to-date diagnosis": "Pazienti con diagnosi aggiornata",
  "Users, families and the third sector": "Utenti, famiglie e terzo settore",
  "Active family and user associations": "Associazioni di familiari e di utenti attive",
  number: "numero",
  "Associations involved in service planning": "Associazioni coinvolte nella programmazione dei servizi",
  "Staff shortage": "Carenza di personale",
  "Permanently employed staff": "Personale a tempo indeterminato",
  "Multidisciplinary team": "Équipe multidisciplinare",
  "Social workers and nurses missing from teams": "Assistenti sociali e infermieri assenti dalle équipe",
  "Specific training of staff": "Formazione specifica del personale",
  "Patients already in charge of services": "Pazienti già in carico ai servizi",
  "Waiting lists": "Liste d'attesa",
  "Internal network (Child and Adolescent MH Services)":
    "Rete interna (servizi di neuropsichiatria infantile)",
  "Teams for young patients at onset": "Équipe per i giovani all'esordio",
  "Family associations": "Associazioni di familiari",
  "User associations": "Associazioni di utenti",
  "Collaboration with social services": "Collaborazione con i servizi sociali",
  "Information system": "Sistema informativo",
  "IT communication tools": "Strumenti informatici di comunicazione",
  "Involvement of the DMH director": "Coinvolgimento del direttore del DSM",
  "Communication office": "Ufficio comunicazione",
  "Medical-centric organisation": "Organizzazione medico-centrica",
  "Specific care pathway for BPD": "Percorso di cura specifico per il DBP",
  "Experience of structured implementation": "Esperienza di implementazione strutturata",
  "Economic resources": "Risorse economiche",
  Stigma: "Stigma",
  "Attention to young people's mental health": "Attenzione alla salute mentale dei giovani",
  "Better mental health, recovery and social inclusion of young adults with borderline personality disorder":
    "Migliore salute mentale, recovery e inclusione sociale dei giovani adulti con disturbo borderline di personalità",
  "Early and intensive psychosocial care in the first months of treatment":
    "Cura psicosociale precoce e intensiva nei primi mesi di trattamento",
  "Families involved in care and supported": "Famiglie coinvolte nella cura e sostenute",
  "Treatment plans integrated with social and work-inclusion services":
    "Piani di trattamento integrati con i servizi sociali e di inserimento lavorativo",
  "Patients aged 18–30 with BPD enrolled at each site":
    "Pazienti di 18–30 anni con DBP arruolati in ogni sede",
  "Structured assessment at the start of care": "Valutazione strutturata all'inizio della presa in carico",
  "At least five psychosocial interventions in the first three months":
    "Almeno cinque interventi psicosociali nei primi tre mesi",
  "DBT skills training and Family Connections groups active":
    "Gruppi DBT skills training e Family Connections attivi",
  "Individual treatment plans shared and signed with patients":
    "Piani di trattamento individuali condivisi e firmati con i pazienti",
  "A case manager for every patient": "Un case manager per ogni paziente",
  "Train professionals in GPM, DBT and Family Connections":
    "Formare i professionisti a GPM, DBT e Family Connections",
  "Activate local Implementation Teams with a coordinator":
    "Attivare gli Implementation Team locali con un coordinatore",
  "Build links with family associations and social services":
    "Costruire legami con le associazioni di familiari e i servizi sociali",
  "Monitor implementation through the information system":
    "Monitorare l'implementazione con il sistema informativo",
  "Trained staff with permanent contracts": "Personale formato con contratto a tempo indeterminato",
  "Regional mental health information system": "Sistema informativo regionale per la salute mentale",
  "DMH directors support the project": "I direttori dei DSM sostengono il progetto",
  "Staff have protected time for the project": "Il personale ha tempo dedicato al progetto",
  "Shortage of mental health workers": "Carenza di operatori della salute mentale",
  "Limited cross-sectoral collaboration with social services":
    "Collaborazione intersettoriale limitata con i servizi sociali",
  "Governance and coordination": "Governance e coordinamento",
  "Who leads the implementation at regional and local level.":
    "Chi guida l'implementazione a livello regionale e locale.",
  "Regional Implementation Group and advisory group":
    "Gruppo regionale di implementazione e gruppo consultivo",
  "Local Implementation Teams and their coordinators": "Implementation Team locali e i loro coordinatori",
  "Involvement of DMH directors": "Coinvolgimento dei direttori dei DSM",
  "Workforce, training and supervision": "Personale, formazione e supervisione",
  "Training on evidence-based psychosocial interventions":
    "Formazione agli interventi psicosociali basati sulle evidenze",
  "Clinical supervision": "Supervisione clinica",
  "Task sharing and task shifting": "Task sharing e task shifting",
  "Care pathways and psychosocial interventions": "Percorsi di cura e interventi psicosociali",
  "Stepped care: a basic level for all patients, an advanced level for complex ones.":
    "Cura a gradini: un livello di base per tutti i pazienti, un livello avanzato per quelli complessi.",
  "Enrolment and structured assessment": "Arruolamento e valutazione strutturata",
  "Individual and group psychosocial interventions": "Interventi psicosociali individuali e di gruppo",
  "Individual treatment plans and case management": "Piani di trattamento individuali e case management",
  "Interventions for family members": "Interventi per i familiari",
  "Intersectoral collaboration, recovery and social inclusion":
    "Collaborazione intersettoriale, recovery e inclusione sociale",
  "Internal network and transitions from child and adolescent services":
    "Rete interna e passaggi dai servizi per l'infanzia e l'adolescenza",
  "Social services and work inclusion": "Servizi sociali e inserimento lavorativo",
  "Family and user associations": "Associazioni di familiari e di utenti",
  "Communication, monitoring and evaluation": "Comunicazione, monitoraggio e valutazione",
  "Communication inside the DMH and to the population":
    "Comunicazione all'interno del DSM e alla popolazione",
  "Monitoring through the information system and the progress questionnaire":
    "Monitoraggio con il sistema informativo e il questionario di avanzamento",
  "Sustainability and the implementation roadmap": "Sostenibilità e roadmap di implementazione",
  "Pilot implementation progress questionnaire": "Questionario di avanzamento dell'implementazione pilota",
  "Has the local Implementation Team a named coordinator?":
    "L'Implementation Team locale ha un coordinatore designato?",
  Yes: "Sì",
  No: "No",
  "How many professionals take part in the Implementation Team?":
    "Quanti professionisti partecipano all'Implementation Team?",
  "Which groups have been activated?": "Quali gruppi sono stati attivati?",
  "DBT skills training group": "Gruppo DBT skills training",
  "Family Connections group": "Gruppo Family Connections",
  "None yet": "Nessuno per ora",
  "Are structured assessment tools used at the start of care?":
    "All'inizio della presa in carico si usano strumenti di valutazione strutturati?",
  "For every patient": "Per ogni paziente",
  "For some patients": "Per alcuni pazienti",
  "Not yet": "Non ancora",
  "Is there an agreed way of working with the social services?":
    "C'è una modalità di lavoro concordata con i servizi sociali?",
  "A formal agreement": "Un accordo formale",
  "Informal contacts": "Contatti informali",
  None: "Nessuna",
  "Is a family association involved in the project?":
    "Un'associazione di familiari è coinvolta nel progetto?",
  "Which communication has taken place?": "Quali comunicazioni sono state fatte?",
  "With the DMH director": "Con il direttore del DSM",
  "With other mental health services": "Con altri servizi di salute mentale",
  "With the social services network": "Con la rete dei servizi sociali",
  "To the population": "Alla popolazione",
  "What are the main obstacles so far?": "Quali sono finora i principali ostacoli?",
};
