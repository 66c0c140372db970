import type { ProtocolContentInput } from "./schemas.ts";

/**
 * The dimensions of a protocol for people living with both a mental health condition and a
 * substance use condition, after the Scottish national MHSU protocol programme (seed: the
 * programme's learning event). Written in our own words, in English and Italian: a starting point
 * a coordinator adapts to their region — the case studies are theirs to add.
 */
export const MHSU_TEMPLATE: Record<"en" | "it", ProtocolContentInput> = {
  en: {
    title: "Working together on co-occurring mental health and substance use",
    summary:
      "How mental health services, substance use services and the voluntary sector of an area agree to work as one for people who need both. Each dimension says what the area is expected to have in place and gives examples of how it can look in practice.",
    dimensions: [
      {
        title: "A shared way of assessing needs",
        expected:
          "Services agree how people are screened and assessed, so that a person tells their story once and every service trusts the assessment another has made.",
        examples: [
          "A short list of screening instruments all services use, for instance AUDIT or ASSIST-Lite for substances and PHQ-9 or GAD-7 for mood and anxiety.",
          "Named professionals in each service whose referrals the other services accept without repeating the assessment.",
        ],
        caseStudies: [],
      },
      {
        title: "Agreed pathways by level of need",
        expected:
          "The area has written pathways that match the intensity of support to the combined severity of mental health and substance use needs, and staff know how to move a person between them when needs change.",
        examples: [
          "Common definitions of low, moderate and high need for each condition, placed on a four-quadrant grid that says which service leads.",
          "Front-line staff in every team know whom to call when a person's needs rise or fall.",
        ],
        caseStudies: [],
      },
      {
        title: "Care for both conditions at the same time",
        expected:
          "Neither condition has to be treated first before the other is addressed; decisions about treatment and support are taken jointly by the services involved and the person.",
        examples: [
          "Joint care reviews with a worker from each service and the person present.",
          "No one is turned away from mental health care because they are still using substances.",
        ],
        caseStudies: [],
      },
      {
        title: "Coordination across the wider system",
        expected:
          "Services reach out to each other rather than wait for referrals, and plan clinical care together with housing, income, justice and other social support.",
        examples: [
          "A regular multi-agency meeting for people whose needs cross several services.",
          "One named coordinator who keeps the plan together and tells the person who to contact.",
        ],
        caseStudies: [],
      },
      {
        title: "Senior ownership and oversight",
        expected:
          "One senior manager with authority over both service areas owns the local protocol, monitors how it works and reports on it.",
        examples: [
          "The protocol and its review date are recorded in both services' governance documents.",
          "A yearly review of referrals that bounced between services, with actions agreed.",
        ],
        caseStudies: [],
      },
      {
        title: "A confident, skilled workforce",
        expected:
          "Staff in every service have protected time to learn about co-occurring conditions, and clinically credible leaders support them.",
        examples: [
          "Shared training days for mental health and substance use teams.",
          "Co-occurring conditions are part of each team's development plan and of induction for new staff.",
        ],
        caseStudies: [],
      },
      {
        title: "Lived experience shapes the protocol",
        expected:
          "People with lived experience of both conditions, and their families, help design, test and review the protocol.",
        examples: [
          "People with lived experience sit on the group that writes and reviews the protocol.",
          "Journey maps drawn with service users show where people fall between services.",
        ],
        caseStudies: [],
      },
    ],
  },
  it: {
    title: "Lavorare insieme su salute mentale e uso di sostanze",
    summary:
      "Come i servizi di salute mentale, i servizi per le dipendenze e il terzo settore di un territorio si accordano per lavorare come un unico sistema per le persone che hanno bisogno di entrambi. Ogni dimensione indica che cosa il territorio deve avere in atto e offre esempi di come può apparire nella pratica.",
    dimensions: [
      {
        title: "Un modo condiviso di valutare i bisogni",
        expected:
          "I servizi concordano come fare screening e valutazione, così che la persona racconti la propria storia una volta sola e ogni servizio si fidi della valutazione fatta da un altro.",
        examples: [
          "Un breve elenco di strumenti di screening usati da tutti i servizi, per esempio AUDIT o ASSIST-Lite per le sostanze e PHQ-9 o GAD-7 per umore e ansia.",
          "Professionisti indicati per nome in ogni servizio, i cui invii gli altri servizi accettano senza ripetere la valutazione.",
        ],
        caseStudies: [],
      },
      {
        title: "Percorsi concordati per livello di bisogno",
        expected:
          "Il territorio ha percorsi scritti che adeguano l'intensità del supporto alla gravità combinata dei bisogni di salute mentale e di uso di sostanze, e gli operatori sanno come spostare una persona da un percorso all'altro quando i bisogni cambiano.",
        examples: [
          "Definizioni comuni di bisogno basso, moderato e alto per ciascuna condizione, collocate su una griglia a quattro quadranti che indica quale servizio guida.",
          "Gli operatori di prima linea di ogni équipe sanno chi chiamare quando i bisogni di una persona aumentano o diminuiscono.",
        ],
        caseStudies: [],
      },
      {
        title: "Cura di entrambe le condizioni nello stesso tempo",
        expected:
          "Nessuna delle due condizioni deve essere trattata prima che l'altra venga affrontata; le decisioni su trattamento e sostegno sono prese insieme dai servizi coinvolti e dalla persona.",
        examples: [
          "Revisioni congiunte del progetto di cura con un operatore di ciascun servizio e la persona presente.",
          "Nessuno viene escluso dalle cure per la salute mentale perché usa ancora sostanze.",
        ],
        caseStudies: [],
      },
      {
        title: "Coordinamento nel sistema più ampio",
        expected:
          "I servizi si cercano a vicenda invece di attendere gli invii, e programmano le cure cliniche insieme a casa, reddito, giustizia e altri sostegni sociali.",
        examples: [
          "Un incontro periodico tra enti per le persone i cui bisogni attraversano più servizi.",
          "Un coordinatore indicato per nome che tiene insieme il progetto e dice alla persona a chi rivolgersi.",
        ],
        caseStudies: [],
      },
      {
        title: "Responsabilità e supervisione della direzione",
        expected:
          "Un dirigente con autorità su entrambe le aree di servizio è titolare del protocollo locale, ne verifica il funzionamento e ne rende conto.",
        examples: [
          "Il protocollo e la data della sua revisione sono riportati nei documenti di governo di entrambi i servizi.",
          "Una revisione annuale degli invii rimbalzati tra servizi, con azioni concordate.",
        ],
        caseStudies: [],
      },
      {
        title: "Operatori competenti e sicuri",
        expected:
          "Gli operatori di ogni servizio hanno tempo dedicato per formarsi sulle condizioni concomitanti e sono sostenuti da referenti clinici autorevoli.",
        examples: [
          "Giornate di formazione comuni per le équipe di salute mentale e delle dipendenze.",
          "Le condizioni concomitanti fanno parte del piano di sviluppo di ogni équipe e dell'inserimento dei nuovi operatori.",
        ],
        caseStudies: [],
      },
      {
        title: "L'esperienza vissuta dà forma al protocollo",
        expected:
          "Persone con esperienza vissuta di entrambe le condizioni, e i loro familiari, contribuiscono a progettare, provare e rivedere il protocollo.",
        examples: [
          "Persone con esperienza vissuta fanno parte del gruppo che scrive e rivede il protocollo.",
          "Mappe del percorso disegnate con gli utenti mostrano dove le persone cadono tra un servizio e l'altro.",
        ],
        caseStudies: [],
      },
    ],
  },
};

/** The shipped templates, as the create form lists them. */
export const TEMPLATES = { mhsu: MHSU_TEMPLATE } as const;
