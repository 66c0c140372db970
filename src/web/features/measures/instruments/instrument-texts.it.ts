/**
 * The instrument library's own texts in Italian, keyed by their English wording: severity bands,
 * flags, sub-scales, scoring notes, reliable-change notes, and the items Praxis words itself
 * (SCID-5-PD's criteria counts). Not here, by design: the instruments' licensed item and answer
 * texts (English only; in Italian an instrument is score-only until a service loads the
 * published translation — docs/instruments.md), their names, bibliographic sources and licence
 * notices (quoted as published). `tests/i18n/server-bilingual.test.ts` fails when a text of the
 * library has no entry here.
 */
export const INSTRUMENT_TEXTS_IT: Readonly<Record<string, string>> = {
  // bands
  "None–minimal": "Assente–minima",
  Minimal: "Minima",
  Mild: "Lieve",
  Moderate: "Moderata",
  "Moderately severe": "Moderatamente grave",
  Severe: "Grave",
  "Extremely severe": "Estremamente grave",
  Normal: "Normale",
  "None or low": "Assente o bassa",
  High: "Alta",
  "Very high": "Molto alta",
  "Extremely high": "Estremamente alta",
  Healthy: "Nella norma",
  "Low level": "Livello basso",
  "Mild (clinical range from 11)": "Lieve (fascia clinica da 11)",
  "Moderate-to-severe": "Da moderata a grave",
  "Low distress": "Disagio basso",
  "Moderate distress": "Disagio moderato",
  "High distress": "Disagio alto",
  "Very high distress": "Disagio molto alto",
  "Lower risk": "Rischio più basso",
  "Probable problem use: offer assessment and brief intervention":
    "Probabile uso problematico: proporre valutazione e intervento breve",
  "Below the screening cut-offs": "Sotto le soglie di screening",
  "Positive screen for women (≥ 3); below the cut-off for men":
    "Screening positivo per le donne (≥ 3); sotto la soglia per gli uomini",
  "Positive screen (≥ 4 for men, ≥ 3 for women)": "Screening positivo (≥ 4 per gli uomini, ≥ 3 per le donne)",
  "Zone I — low risk": "Zona I — rischio basso",
  "Zone II — hazardous use": "Zona II — uso a rischio",
  "Zone III — harmful use": "Zona III — uso dannoso",
  "Zone IV — possible dependence": "Zona IV — possibile dipendenza",
  // sub-scales
  Depression: "Depressione",
  Anxiety: "Ansia",
  Stress: "Stress",
  "Affective (items 1–3)": "Affettivo (item 1–3)",
  "Cognitive (items 4–5)": "Cognitivo (item 4–5)",
  "Impulsive (items 6–7)": "Impulsivo (item 6–7)",
  "Interpersonal (items 8–9)": "Interpersonale (item 8–9)",
  Tobacco: "Tabacco",
  Alcohol: "Alcol",
  Cannabis: "Cannabis",
  Stimulants: "Stimolanti",
  Sedatives: "Sedativi",
  Opioids: "Oppioidi",
  "Other psychoactive substances": "Altre sostanze psicoattive",
  // flags
  "Item 9 (thoughts of being better off dead or of self-harm) is above 0: assess suicide risk today.":
    "L'item 9 (pensieri che sarebbe meglio morire o di farsi del male) è sopra 0: valutare oggi il rischio di suicidio.",
  "Item 6 (plans to end my life) is above 0: assess risk today.":
    "L'item 6 (progetti di togliersi la vita) è sopra 0: valutare oggi il rischio.",
  "High risk: a yes to item 4 or 5, or behaviour (item 6) in the past 3 months.":
    "Rischio alto: un sì all'item 4 o 5, o un comportamento (item 6) negli ultimi 3 mesi.",
  "Moderate risk: a yes to item 3, or behaviour (item 6) more than 3 months ago.":
    "Rischio moderato: un sì all'item 3, o un comportamento (item 6) più di 3 mesi fa.",
  "Low risk: a yes to item 1 or 2 only.": "Rischio basso: un sì solo all'item 1 o 2.",
  "Tobacco: used in the past 3 months with at least one sign of problem use.":
    "Tabacco: usato negli ultimi 3 mesi con almeno un segno di uso problematico.",
  "Alcohol: used in the past 3 months with at least one sign of problem use.":
    "Alcol: usato negli ultimi 3 mesi con almeno un segno di uso problematico.",
  "Cannabis: used in the past 3 months with at least one sign of problem use.":
    "Cannabis: usata negli ultimi 3 mesi con almeno un segno di uso problematico.",
  "Stimulants: used in the past 3 months with at least one sign of problem use.":
    "Stimolanti: usati negli ultimi 3 mesi con almeno un segno di uso problematico.",
  "Sedatives: used in the past 3 months with at least one sign of problem use.":
    "Sedativi: usati negli ultimi 3 mesi con almeno un segno di uso problematico.",
  "Opioids: used in the past 3 months with at least one sign of problem use.":
    "Oppioidi: usati negli ultimi 3 mesi con almeno un segno di uso problematico.",
  "Other psychoactive substances: used in the past 3 months with at least one sign of problem use.":
    "Altre sostanze psicoattive: usate negli ultimi 3 mesi con almeno un segno di uso problematico.",
  "Avoidant personality disorder: 4 or more of 7 criteria at threshold.":
    "Disturbo evitante di personalità: 4 o più criteri su 7 alla soglia.",
  "Dependent personality disorder: 5 or more of 8 criteria at threshold.":
    "Disturbo dipendente di personalità: 5 o più criteri su 8 alla soglia.",
  "Obsessive-compulsive personality disorder: 4 or more of 8 criteria at threshold.":
    "Disturbo ossessivo-compulsivo di personalità: 4 o più criteri su 8 alla soglia.",
  "Paranoid personality disorder: 4 or more of 7 criteria at threshold.":
    "Disturbo paranoide di personalità: 4 o più criteri su 7 alla soglia.",
  "Schizotypal personality disorder: 5 or more of 9 criteria at threshold.":
    "Disturbo schizotipico di personalità: 5 o più criteri su 9 alla soglia.",
  "Schizoid personality disorder: 4 or more of 7 criteria at threshold.":
    "Disturbo schizoide di personalità: 4 o più criteri su 7 alla soglia.",
  "Histrionic personality disorder: 5 or more of 8 criteria at threshold.":
    "Disturbo istrionico di personalità: 5 o più criteri su 8 alla soglia.",
  "Narcissistic personality disorder: 5 or more of 9 criteria at threshold.":
    "Disturbo narcisistico di personalità: 5 o più criteri su 9 alla soglia.",
  "Borderline personality disorder: 5 or more of 9 criteria at threshold.":
    "Disturbo borderline di personalità: 5 o più criteri su 9 alla soglia.",
  "Antisocial (criterion A) personality disorder: 3 or more of 7 criteria at threshold.":
    "Disturbo antisociale di personalità (criterio A): 3 o più criteri su 7 alla soglia.",
  // SCID-5-PD: the items Praxis words itself (counts, not the interview's wording)
  "Avoidant personality disorder: number of criteria at threshold (0–7)":
    "Disturbo evitante di personalità: numero di criteri alla soglia (0–7)",
  "Dependent personality disorder: number of criteria at threshold (0–8)":
    "Disturbo dipendente di personalità: numero di criteri alla soglia (0–8)",
  "Obsessive-compulsive personality disorder: number of criteria at threshold (0–8)":
    "Disturbo ossessivo-compulsivo di personalità: numero di criteri alla soglia (0–8)",
  "Paranoid personality disorder: number of criteria at threshold (0–7)":
    "Disturbo paranoide di personalità: numero di criteri alla soglia (0–7)",
  "Schizotypal personality disorder: number of criteria at threshold (0–9)":
    "Disturbo schizotipico di personalità: numero di criteri alla soglia (0–9)",
  "Schizoid personality disorder: number of criteria at threshold (0–7)":
    "Disturbo schizoide di personalità: numero di criteri alla soglia (0–7)",
  "Histrionic personality disorder: number of criteria at threshold (0–8)":
    "Disturbo istrionico di personalità: numero di criteri alla soglia (0–8)",
  "Narcissistic personality disorder: number of criteria at threshold (0–9)":
    "Disturbo narcisistico di personalità: numero di criteri alla soglia (0–9)",
  "Borderline personality disorder: number of criteria at threshold (0–9)":
    "Disturbo borderline di personalità: numero di criteri alla soglia (0–9)",
  "Antisocial (criterion A) personality disorder: number of criteria at threshold (0–7)":
    "Disturbo antisociale di personalità (criterio A): numero di criteri alla soglia (0–7)",
  // scoring notes
  "Per substance: use (0/1) plus each sign of problem use (0/1); signs are answered only when the substance was used. Scores of 2 or more are flagged.":
    "Per sostanza: uso (0/1) più ogni segno di uso problematico (0/1); i segni si rilevano solo se la sostanza è stata usata. I punteggi da 2 in su sono segnalati.",
  "Items not asked because the substance was not used count as 0 (not missing).":
    "Gli item non chiesti perché la sostanza non è stata usata valgono 0 (non mancanti).",
  "All three items must be answered; the cut-off differs by sex (≥ 3 women, ≥ 4 men).":
    "Tutti e tre gli item vanno compilati; la soglia varia con il sesso (≥ 3 donne, ≥ 4 uomini).",
  "Items carry different weights (items 9 and 10 score 0, 2 or 4), so a missing item is not prorated: every item must be answered for a total.":
    "Gli item hanno pesi diversi (gli item 9 e 10 valgono 0, 2 o 4), quindi un item mancante non si riproporziona: per il totale servono tutti gli item.",
  "The score is the mean of the answered items (0–4, two decimals); with three or more items missing it is not scored.":
    "Il punteggio è la media degli item compilati (0–4, due decimali); con tre o più item mancanti non si calcola.",
  "Only the highest risk flag raised is shown (high, then moderate, then low).":
    "Si mostra solo la segnalazione di rischio più alta (alto, poi moderato, poi basso).",
  "Item 6b may be yes only when item 6 is yes.": "L'item 6b può essere sì solo se l'item 6 è sì.",
  "Items 2 and 3 are positively worded and reverse-scored (4 − answer).":
    "Gli item 2 e 3 sono formulati in positivo e si calcolano invertiti (4 − risposta).",
  "With one item missing the total is prorated (mean × 10, rounded); with two or more it is not scored.":
    "Con un item mancante il totale si riproporziona (media × 10, arrotondata); con due o più non si calcola.",
  "Each sub-scale is the sum of its 7 items × 2 (comparable with the DASS-42); the total is the sum of the three sub-scales (0–126).":
    "Ogni sottoscala è la somma dei suoi 7 item × 2 (confrontabile con la DASS-42); il totale è la somma delle tre sottoscale (0–126).",
  "With one item of a sub-scale missing, that sub-scale is prorated (mean of its 6 answered items × 7 × 2, rounded); with two or more missing it is not scored, and neither is the total.":
    "Con un item mancante in una sottoscala, la sottoscala si riproporziona (media dei 6 item compilati × 7 × 2, arrotondata); con due o più mancanti non si calcola, e nemmeno il totale.",
  "With one item missing the total is prorated (mean × 7, rounded); with two or more it is not scored.":
    "Con un item mancante il totale si riproporziona (media × 7, arrotondata); con due o più non si calcola.",
  "Likert scoring (0-1-2-3 per item, total 0–36), as in the exchange format. The four answers of every item are entered from the least to the most distressed (0–3), so no item is reversed.":
    "Punteggio Likert (0-1-2-3 per item, totale 0–36), come nel formato di scambio. Le quattro risposte di ogni item si inseriscono dalla meno alla più problematica (0–3), quindi nessun item è invertito.",
  "No severity bands: caseness thresholds depend on the population and on the scoring method.":
    "Nessuna fascia di gravità: le soglie di caso dipendono dalla popolazione e dal metodo di punteggio.",
  "Total = sum of the 15 items (15–75); the mean item score (1–5) is reported beside it, as several studies do.":
    "Totale = somma dei 15 item (15–75); accanto si riporta il punteggio medio per item (1–5), come in diversi studi.",
  "No item is reverse-scored: every item's answers run from 1 (least) to 5 (most favourable).":
    "Nessun item è invertito: le risposte di ogni item vanno da 1 (meno favorevole) a 5 (più favorevole).",
  "Item 13 (medication) is left blank when nothing is prescribed. With up to two items blank the total is prorated (mean × 15, rounded); with three or more it is not scored.":
    "L'item 13 (farmaci) resta vuoto se non c'è prescrizione. Con al massimo due item vuoti il totale si riproporziona (media × 15, arrotondata); con tre o più non si calcola.",
  "With one or two items missing the total is prorated (mean of the answered items × 9, rounded); with three or more it is not scored.":
    "Con uno o due item mancanti il totale si riproporziona (media degli item compilati × 9, arrotondata); con tre o più non si calcola.",
  "No total: the record is the criteria count per disorder and the disorders reaching threshold.":
    "Nessun totale: si registra il numero di criteri per disturbo e i disturbi che raggiungono la soglia.",
  "A clinician interview: every item is rated; the four sector scores are sums of their items.":
    "Un'intervista del clinico: ogni item viene valutato; i punteggi dei quattro settori sono somme dei loro item.",
  // reliable change
  "NHS Talking Therapies (IAPT) Manual: reliable change on the PHQ-9 is a change of 6 points or more.":
    "Manuale NHS Talking Therapies (IAPT): un cambiamento affidabile alla PHQ-9 è una variazione di 6 punti o più.",
  "NHS Talking Therapies (IAPT) Manual: reliable change on the GAD-7 is a change of 4 points or more.":
    "Manuale NHS Talking Therapies (IAPT): un cambiamento affidabile alla GAD-7 è una variazione di 4 punti o più.",
  "Barkham et al. 2013: reliable change index of 6 points on the CORE-10 (0–40) total.":
    "Barkham et al. 2013: indice di cambiamento affidabile di 6 punti sul totale della CORE-10 (0–40).",
  "Test-retest r = 0.79 (client version): Roosenschoon et al. 2016, J Ment Health 25:489–495. SD 7.47: client IMRS totals after IMR in the Ferrara department of mental health.":
    "Test-retest r = 0,79 (versione utente): Roosenschoon et al. 2016, J Ment Health 25:489–495. DS 7,47: totali IMRS degli utenti dopo l'IMR nel dipartimento di salute mentale di Ferrara.",
  "Test-retest r = 0.86 (clinician version): Roosenschoon et al. 2016, J Ment Health 25:489–495. SD 8.45: clinician IMRS totals after IMR in the Ferrara department of mental health.":
    "Test-retest r = 0,86 (versione clinico): Roosenschoon et al. 2016, J Ment Health 25:489–495. DS 8,45: totali IMRS dei clinici dopo l'IMR nel dipartimento di salute mentale di Ferrara.",
};
