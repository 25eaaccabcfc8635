"""The German gold reports (issue 17 item 5) and their hand-made expectations. Read by make_gold.py
after reports_data.py; same helpers (F, M, R) and conventions. Every report names its language
(lang=...) for the root's Language of Content Item and Descendants (121049, DCM).
"""
from reports_data import F, M, report

REPORTS = []

def R(*args, **kwargs):
    REPORTS.append(report(*args, **kwargs))

# Language codes (CID 5000, PS3.16: scheme RFC5646). Most reports "de"; three "de-DE", one "de-AT";
# one "deu" (RFC5646, as DCMTK's CID5000_Languages lists German); one legacy ("ger", ISO639_2):
# CID 5000's note says earlier editions used the ISO 639-2/B three-letter codes with scheme
# ISO639_2 (ISO639_1 was never a CID 5000 scheme, so no report uses it).
DEU = ("deu", "RFC5646", "German")
GER_LEGACY = ("ger", "ISO639_2", "German")

# ======================================================================= suspicious
R("de_sus01_pleomorph_gruppiert_rechts_10uhr", "suspicious", "MAMMOGRAPHIE RECHTS", [
    ("history", "Abklärung nach Screening-Wiederbestellung rechts."),
    ("procedure", "Mammographie rechts in zwei Ebenen sowie Vergrößerungsaufnahme rechts kraniokaudal."),
    ("findings", ["ACR-Dichtetyp B.",
                  "Rechts bei 10 Uhr im oberen äußeren Quadranten, mittlere Tiefe, gruppierte feine pleomorphe Mikrokalzifikationen auf einer Fläche von 7 mm. Kein assoziierter Herdbefund."]),
    ("impression", "Gruppierte feine pleomorphe Mikrokalzifikationen rechts bei 10 Uhr, V. a. DCIS. BI-RADS 4."),
    ("recommendation", "Stereotaktische Vakuumbiopsie rechts empfohlen."),
], [F("right", "fine-pleomorphic", "grouped", "none", "none", "affirmed", "suspicious", "10",
      "C7 4B; 'gruppiert' = grouped, 'fein pleomorph' = fine-pleomorphic (narrative.md §5); 'ACR-Dichtetyp B' is composition")],
[M("findings", "affirmed", "1", "gruppierte feine pleomorphe Mikrokalzifikationen", "Rechts bei 10 Uhr im oberen äußeren Quadranten, mittlere Tiefe, gruppierte feine pleomorphe Mikrokalzifikationen auf einer Fläche von 7 mm."),
 M("impression", "affirmed|uncertain", "1", "Gruppierte feine pleomorphe Mikrokalzifikationen", "Gruppierte feine pleomorphe Mikrokalzifikationen rechts bei 10 Uhr, V. a. DCIS.",
   "'V. a.' (Verdacht auf) DCIS is an assessment of the described calcifications, like 'suspicious for' (narrative.md §3): affirmed; uncertain also accepted (the finding is suspicious either way, C14)")],
cat="4", fup="vacuum-assisted-biopsy", lang="de",
note="German, sections; 'Stereotaktische Vakuumbiopsie' = stereotactic vacuum-assisted biopsy")

R("de_sus02_feinlinear_verzweigt_segmental_links", "suspicious", "MAMMOGRAPHIE BEIDSEITS",
  "Mammographie beidseits in zwei Ebenen\n"
  "Indikation: Auffälliger Befund im Screening links.\n"
  "Voraufnahmen: 03/2024 zum Vergleich.\n"
  "Befund:\n"
  "Drüsenparenchym ACR c.\n"
  "Rechts: Kein Herdbefund, kein Mikrokalk, keine Architekturstörung.\n"
  "Links: Retromamillär feinlineare verzweigte Verkalkungen, segmental angeordnet, mit Ausrichtung zur Mamille auf einer Strecke von 35 mm. Im Vergleich zu 2024 neu aufgetreten.\n"
  "Beurteilung:\n"
  "Links neu aufgetretene segmentale feinlineare verzweigte Verkalkungen, hochgradig malignitätsverdächtig. BI-RADS 5.\n"
  "Rechts unauffällig. BI-RADS 1.\n"
  "Empfehlung: Stereotaktische Vakuumbiopsie links.",
[F("left", "fine-linear-branching", "segmental", "none", "new", "affirmed", "suspicious", "none",
   "C8 5; 'feinlinear verzweigt' = fine-linear-branching, 'segmental angeordnet' = segmental; laterality from the 'Links:' heading; change new from the impression that restates it ('neu aufgetreten'), as in sus02")],
[M("findings", "negated", "-", "kein Mikrokalk", "Kein Herdbefund, kein Mikrokalk, keine Architekturstörung.", "negation list under the 'Rechts:' heading"),
 M("findings", "affirmed", "1", "feinlineare verzweigte Verkalkungen", "Retromamillär feinlineare verzweigte Verkalkungen, segmental angeordnet, mit Ausrichtung zur Mamille auf einer Strecke von 35 mm.", "laterality from 'Links:'"),
 M("impression", "affirmed", "1", "segmentale feinlineare verzweigte Verkalkungen", "Links neu aufgetretene segmentale feinlineare verzweigte Verkalkungen, hochgradig malignitätsverdächtig.", "'malignitätsverdächtig' is an assessment, not uncertainty")],
cat="right=1;left=5", fup="vacuum-assisted-biopsy", layout="onetext", lang="de",
note="one TEXT with German headings (Indikation:, Voraufnahmen:, Befund:, Rechts:, Links:, Beurteilung:, Empfehlung:); per-breast categories")

R("de_sus03_mikrokalkgruppe_amorph_neu_links", "suspicious", "MAMMOGRAPHIE LINKS", [
    ("comparison", "Vergleich mit der Voruntersuchung vom 14.01.2025."),
    ("findings", "Links bei 2 Uhr, ventral, neu aufgetretene Mikrokalkgruppe mit amorphen Einzelpartikeln, Ausdehnung ca. 6 mm. Kein Herdbefund."),
    ("impression", "Neu aufgetretene amorphe Mikrokalkgruppe links bei 2 Uhr. BI-RADS 4b."),
    ("recommendation", "Histologische Sicherung mittels stereotaktischer Biopsie."),
], [F("left", "amorphous", "grouped", "none", "new", "affirmed", "suspicious", "2",
      "C5 4B; the compound 'Mikrokalkgruppe' carries both the calcification word and the distribution (Gruppe = grouped, narrative.md §5); 'amorph' = amorphous")],
[M("findings", "affirmed", "1", "Mikrokalkgruppe", "Links bei 2 Uhr, ventral, neu aufgetretene Mikrokalkgruppe mit amorphen Einzelpartikeln, Ausdehnung ca. 6 mm."),
 M("impression", "affirmed", "1", "amorphe Mikrokalkgruppe", "Neu aufgetretene amorphe Mikrokalkgruppe links bei 2 Uhr.")],
cat="4B", fup="stereotactic-biopsy", lang="de-DE",
note="'BI-RADS 4b' lower-case subcategory; 'stereotaktische Biopsie' without 'Vakuum' = stereotactic-biopsy")

R("de_sus04_grobheterogen_dichtetyp_trap", "suspicious", "MAMMOGRAPHIE BEIDSEITS", [
    ("findings", "Heterogen dichtes Drüsenparenchym (ACR c), die Sensitivität ist eingeschränkt. Rechts bei 7 Uhr, dorsal, grob-heterogene Verkalkungen in gruppierter Anordnung, 9 mm. Links kein suspekter Befund."),
    ("impression", "Gruppierte grob-heterogene Verkalkungen rechts. BI-RADS 4b."),
    ("recommendation", "Stereotaktische Biopsie rechts."),
], [F("right", "coarse-heterogeneous", "grouped", "none", "none", "affirmed", "suspicious", "7",
      "C6 4B; 'grob-heterogen' qualifies the calcifications; 'Heterogen dichtes Drüsenparenchym (ACR c)' is composition, like 'heterogeneously dense' (narrative.md §2, §5)")],
[M("findings", "affirmed", "1", "grob-heterogene Verkalkungen", "Rechts bei 7 Uhr, dorsal, grob-heterogene Verkalkungen in gruppierter Anordnung, 9 mm."),
 M("impression", "affirmed", "1", "grob-heterogene Verkalkungen", "Gruppierte grob-heterogene Verkalkungen rechts.")],
cat="4B", fup="stereotactic-biopsy", sop="enhanced", root="bir", lang=DEU,
note="TID 4200 root with TID 4202 narrative only; language (deu, RFC5646, German) as DCMTK's CID5000_Languages spells German")

R("de_sus05_beidseits_pleomorph_gruppiert", "suspicious", "MAMMOGRAPHIE BEIDSEITS", [
    ("findings", "Beidseits gruppierte pleomorphe Mikroverkalkungen: rechts bei 9 Uhr, links bei 3 Uhr, jeweils ca. 5 mm."),
    ("impression", "Rechts: BI-RADS 4b. Links: BI-RADS 4b. Gruppierte pleomorphe Mikroverkalkungen beidseits."),
    ("recommendation", "Stereotaktische Biopsie beider Mikrokalkgruppen."),
], [F("right", "fine-pleomorphic", "grouped", "none", "none", "affirmed", "suspicious", "9", "'beidseits' gives one finding per breast (issue 16 item 6); 'pleomorph' = fine-pleomorphic (narrative.md §5); C7 4B"),
    F("left", "fine-pleomorphic", "grouped", "none", "none", "affirmed", "suspicious", "3")],
[M("findings", "affirmed", "1,2", "gruppierte pleomorphe Mikroverkalkungen", "Beidseits gruppierte pleomorphe Mikroverkalkungen: rechts bei 9 Uhr, links bei 3 Uhr, jeweils ca. 5 mm."),
 M("impression", "affirmed", "1,2", "Gruppierte pleomorphe Mikroverkalkungen", "Gruppierte pleomorphe Mikroverkalkungen beidseits.",
   "after the inline 'Links:' of the category sentence, but the clause's own 'beidseits' wins over the nearest heading (decision-logic §6.2: clause first)"),
 M("recommendation", "affirmed", "1,2", "Mikrokalkgruppen", "Stereotaktische Biopsie beider Mikrokalkgruppen.", "points at both findings (narrative.md §3 last bullet)")],
cat="right=4B;left=4B", fup="stereotactic-biopsy", lang="de")

R("de_sus06_feinlinear_intraduktal_grossbuchstaben", "suspicious", "MAMMOGRAPHIE LINKS",
  "MAMMOGRAPHIE LINKS IN ZWEI EBENEN UND VERGRÖSSERUNGSAUFNAHME\n"
  "FRAGESTELLUNG: MIKROKALK LINKS IM SCREENING.\n"
  "BEFUND: ACR B. LINKS BEI 6:00 UHR, 5 CM MAMILLENFERN, FEINLINEARE MIKROVERKALKUNGEN IN LINEARER ANORDNUNG ÜBER 14 MM, VEREINBAR MIT INTRADUKTALER LAGE.\n"
  "BEURTEILUNG: FEINLINEARE MIKROVERKALKUNGEN LINKS BEI 6 UHR. BI-RADS 5.\n"
  "EMPFEHLUNG: STEREOTAKTISCHE VAKUUMBIOPSIE.",
[F("left", "fine-linear", "linear", "ductal", "none", "affirmed", "suspicious", "6",
   "C8 5 (linear distribution); 'intraduktal' states the site (narrative.md §5, decision-logic §6.7); clock '6:00 UHR'")],
[M("history", "historical|affirmed", "-", "MIKROKALK", "MIKROKALK LINKS IM SCREENING.",
   "FRAGESTELLUNG (indication) is history (narrative.md §1; README decision 19): historical, or affirmed merged with finding 1 (no finding of its own: affirmed is accepted as a status only)"),
 M("findings", "affirmed", "1", "FEINLINEARE MIKROVERKALKUNGEN", "LINKS BEI 6:00 UHR, 5 CM MAMILLENFERN, FEINLINEARE MIKROVERKALKUNGEN IN LINEARER ANORDNUNG ÜBER 14 MM, VEREINBAR MIT INTRADUKTALER LAGE."),
 M("impression", "affirmed", "1", "FEINLINEARE MIKROVERKALKUNGEN", "FEINLINEARE MIKROVERKALKUNGEN LINKS BEI 6 UHR.")],
cat="5", fup="vacuum-assisted-biopsy", layout="onetext", lang="de",
note="all capitals, German headings, ß written SS (VERGRÖSSERUNG) as capitals usually are")

R("de_sus07_umschrift_ae_oe_ue_retromamillaer", "suspicious", "MAMMOGRAPHIE BEIDSEITS",
  "Befund:\n"
  "Mammographie beidseits in zwei Ebenen. Fettreiches Druesenparenchym, ACR a.\n"
  "Beidseits vereinzelte Gefaessverkalkungen.\n"
  "Rechts retromamillaer gruppierte feine pleomorphe Mikroverkalkungen, groesste Ausdehnung 5 mm, im Vergleich zur Voruntersuchung von 2024 neu.\n"
  "Links kein suspekter Befund.\n"
  "Beurteilung:\n"
  "Neu aufgetretene gruppierte pleomorphe Mikroverkalkungen rechts retromamillaer. BI-RADS 4b.\n"
  "Empfehlung:\n"
  "Stereotaktische Vakuumbiopsie rechts.",
[F("right", "vascular", "none|diffuse", "none", "none", "affirmed", "benign", "none", "'beidseits' = one finding per breast; 'Gefaessverkalkungen' = Gefäßverkalkungen (transliterated), C1 2; 'vereinzelt' (a few, here and there): no distribution or diffuse accepted"),
 F("left", "vascular", "none|diffuse", "none", "none", "affirmed", "benign", "none"),
 F("right", "fine-pleomorphic", "grouped", "none", "new", "affirmed", "suspicious", "none",
   "C7 4B; 'im Vergleich zur Voruntersuchung' with 'neu' stays current (like 'prior' with 'new', narrative.md §3)")],
[M("findings", "affirmed", "1,2", "Gefaessverkalkungen", "Beidseits vereinzelte Gefaessverkalkungen."),
 M("findings", "affirmed", "3", "gruppierte feine pleomorphe Mikroverkalkungen", "Rechts retromamillaer gruppierte feine pleomorphe Mikroverkalkungen, groesste Ausdehnung 5 mm, im Vergleich zur Voruntersuchung von 2024 neu."),
 M("impression", "affirmed", "3", "gruppierte pleomorphe Mikroverkalkungen", "Neu aufgetretene gruppierte pleomorphe Mikroverkalkungen rechts retromamillaer.")],
cat="4B", fup="vacuum-assisted-biopsy", layout="onetext", lang="de",
note="written with ae/oe/ue/ss for ä/ö/ü/ß throughout (a keyboard or system without umlauts); the German lexicon must match both spellings")

R("de_sus08_jedoch_negationsbereich", "suspicious", "MAMMOGRAPHIE BEIDSEITS", [
    ("findings", "ACR-Typ B. Kein Herdbefund, keine Architekturstörung, jedoch neu aufgetretene gruppierte amorphe Mikroverkalkungen links bei 3 Uhr im oberen äußeren Quadranten."),
    ("impression", "Neu aufgetretene gruppierte amorphe Mikroverkalkungen links. BI-RADS 4."),
    ("recommendation", "Stereotaktische Vakuumbiopsie links empfohlen."),
], [F("left", "amorphous", "grouped", "none", "new", "affirmed", "suspicious", "3", "C5 4B")],
[M("findings", "affirmed", "1", "gruppierte amorphe Mikroverkalkungen", "Kein Herdbefund, keine Architekturstörung, jedoch neu aufgetretene gruppierte amorphe Mikroverkalkungen links bei 3 Uhr im oberen äußeren Quadranten.",
   "the scope of 'Kein'/'keine' ends at 'jedoch' (German 'however', narrative.md §3 scope end); the impression restates the finding, so a reader that negates across 'jedoch' loses only this mention's status"),
 M("impression", "affirmed", "1", "gruppierte amorphe Mikroverkalkungen", "Neu aufgetretene gruppierte amorphe Mikroverkalkungen links.")],
cat="4", fup="vacuum-assisted-biopsy", lang="de-DE")

R("de_sus09_dcis_segmental_drahtmarkierung", "suspicious", "MAMMOGRAPHIE LINKS", [
    ("history", "Z. n. stereotaktischer Vakuumbiopsie links am 12.10.2026: DCIS, G2."),
    ("findings", "Links im oberen äußeren Quadranten ab 1 Uhr segmental angeordnete feine pleomorphe Mikroverkalkungen über eine Strecke von 42 mm bis nach retromamillär. Biopsiemarker am kaudalen Rand."),
    ("impression", "Segmentaler Mikrokalk links, histologisch DCIS. BI-RADS 6."),
    ("recommendation", "Präoperative Drahtmarkierung links (Markierung der Ausdehnung mit zwei Drähten)."),
], [F("left", "fine-pleomorphic", "segmental", "none", "none", "affirmed", "suspicious", "1",
      "C7 4C (segmental); the reported 6 (E6, C13) makes it known-malignancy, which meets the floor 'suspicious'; the 'Z. n.' biopsy sentence names no calcifications")],
[M("findings", "affirmed", "1", "feine pleomorphe Mikroverkalkungen", "Links im oberen äußeren Quadranten ab 1 Uhr segmental angeordnete feine pleomorphe Mikroverkalkungen über eine Strecke von 42 mm bis nach retromamillär."),
 M("impression", "affirmed", "1", "Segmentaler Mikrokalk", "Segmentaler Mikrokalk links, histologisch DCIS.", "'histologisch' is no historical trigger; the calcifications are present now")],
cat="6", fup="wire-localization", lang="de",
note="known DCIS, preoperative wire localisation ('Drahtmarkierung')")

# ======================================================================= benign / probably benign
R("de_ben01_gefaessverkalkungen_beidseits", "benign", "MAMMOGRAPHIE-SCREENING BEIDSEITS", [
    ("findings", "Beidseits involutiertes Drüsenparenchym, ACR-Typ A. Gefäßverkalkungen beidseits. Keine suspekten Mikroverkalkungen, kein Herdbefund."),
    ("impression", "Kein Hinweis auf Malignität. BI-RADS 2."),
    ("recommendation", "Weitere Teilnahme am Mammographie-Screening im regulären Intervall."),
], [F("right", "vascular", "none", "none", "none", "affirmed", "benign", "none", "'Gefäßverkalkungen' (compound: vascular + calcification) = vascular, C1 2; 'beidseits' = one finding per breast"),
    F("left", "vascular", "none", "none", "none", "affirmed", "benign", "none")],
[M("findings", "affirmed", "1,2", "Gefäßverkalkungen", "Gefäßverkalkungen beidseits."),
 M("findings", "negated", "-", "suspekten Mikroverkalkungen", "Keine suspekten Mikroverkalkungen, kein Herdbefund.")],
cat="2", fup="routine-screening|none", lang="de",
note="'Kein Hinweis auf Malignität' names no calcifications; the screening sentence is routine screening (or none, if not read as a follow-up)")

R("de_ben02_popcorn_fibroadenom_oelzysten", "benign", "MAMMOGRAPHIE BEIDSEITS", [
    ("findings", ["Rechts: Im unteren äußeren Quadranten zwei Ölzysten mit schalenförmigen Verkalkungen nach Reduktionsplastik.",
                  "Links: Popcornartig verkalktes Fibroadenom bei 3 Uhr mit grobscholligen Makroverkalkungen, seit 2022 unverändert."]),
    ("impression", "Beidseits benigne Verkalkungen. BI-RADS 2."),
], [F("right", "rim", "none", "none", "none", "affirmed", "benign", "none", "'schalenförmig' / 'Ölzysten' = rim (narrative.md §5), C1 2"),
    F("left", "coarse-popcorn", "none", "none", "stable", "affirmed", "benign", "3",
      "'popcornartig verkalktes Fibroadenom … mit grobscholligen Makroverkalkungen': one fibroadenoma, two calcification words in one clause, both coarse-popcorn (narrative.md §5 'grobschollig, popcornartig'); change stable from 'unverändert'")],
[M("findings", "affirmed", "1", "schalenförmigen Verkalkungen", "Im unteren äußeren Quadranten zwei Ölzysten mit schalenförmigen Verkalkungen nach Reduktionsplastik.", "laterality from 'Rechts:'; 'nach Reduktionsplastik' is no historical trigger (a post-surgical cause)"),
 M("findings", "affirmed", "2", "Popcornartig verkalktes Fibroadenom", "Popcornartig verkalktes Fibroadenom bei 3 Uhr mit grobscholligen Makroverkalkungen, seit 2022 unverändert.", "'verkalkt' (calcified) is a calcification word; laterality from 'Links:'"),
 M("impression", "affirmed", "1,2", "benigne Verkalkungen", "Beidseits benigne Verkalkungen.")],
cat="2", fup="none", lang="de-DE", note="one TEXT per breast with 'Rechts:'/'Links:' headings")

R("de_ben03_hautverkalkungen_grossbuchstaben", "benign", "MAMMOGRAPHIE BEIDSEITS",
  "BEFUND:\n"
  "RECHTS: KEINE VERKALKUNGEN, KEIN HERDBEFUND.\n"
  "LINKS: HAUTVERKALKUNGEN IM UNTEREN INNEREN QUADRANTEN, IN DER TANGENTIALAUFNAHME KUTAN GELEGEN.\n"
  "BEURTEILUNG: BENIGNE HAUTVERKALKUNGEN LINKS. BI-RADS 2.",
[F("left", "skin", "none", "none", "none", "affirmed", "benign", "none", "'Hautverkalkungen' (skin + calcification compound) = skin, C1 2")],
[M("findings", "negated", "-", "VERKALKUNGEN", "KEINE VERKALKUNGEN, KEIN HERDBEFUND.", "under 'RECHTS:'"),
 M("findings", "affirmed", "1", "HAUTVERKALKUNGEN", "HAUTVERKALKUNGEN IM UNTEREN INNEREN QUADRANTEN, IN DER TANGENTIALAUFNAHME KUTAN GELEGEN.", "laterality from 'LINKS:'"),
 M("impression", "affirmed", "1", "HAUTVERKALKUNGEN", "BENIGNE HAUTVERKALKUNGEN LINKS.")],
cat="2", fup="none", layout="onetext", lang="de", note="all capitals")

R("de_ben04_kalkmilch_teetassen_beidseits", "benign", "MAMMOGRAPHIE BEIDSEITS", [
    ("findings", "Beidseits verstreut Kalkmilch in Mikrozysten, im mediolateralen Strahlengang typisch teetassenförmig, in der kraniokaudalen Ebene kaum sichtbar."),
    ("impression", "Kalkmilch beidseits, benigne. BI-RADS 2."),
], [F("right", "milk-of-calcium", "diffuse", "none", "none", "affirmed", "benign", "none",
      "'Kalkmilch' / 'teetassenförmig' = milk-of-calcium (narrative.md §5 'Kalkmilch, Teetassenphänomen'); 'verstreut' = diffuse; C1 2"),
    F("left", "milk-of-calcium", "diffuse", "none", "none", "affirmed", "benign", "none")],
[M("findings", "affirmed", "1,2", "Kalkmilch", "Beidseits verstreut Kalkmilch in Mikrozysten, im mediolateralen Strahlengang typisch teetassenförmig, in der kraniokaudalen Ebene kaum sichtbar."),
 M("impression", "affirmed", "1,2", "Kalkmilch", "Kalkmilch beidseits, benigne.")],
cat="2", fup="none", sop="enhanced", root="bir", lang="de",
note="TID 4200 root with TID 4202 narrative only")

R("de_ben05_dystroph_zn_bet", "benign", "MAMMOGRAPHIE RECHTS", [
    ("history", "Z. n. brusterhaltender Therapie rechts 2019 bei invasiv-duktalem Karzinom, adjuvante Radiatio."),
    ("findings", "Rechts postoperative Narbe im oberen äußeren Quadranten mit grobschollig dystrophen Verkalkungen, seit 2021 unverändert. Kein Anhalt für ein Rezidiv."),
    ("impression", "Unveränderte dystrophe Verkalkungen im Narbenbereich rechts. BI-RADS 2."),
    ("recommendation", "Jährliche Mammographie-Nachsorge."),
], [F("right", "dystrophic|dystrophic;coarse-popcorn", "none", "none", "stable", "affirmed", "benign", "none",
      "'dystroph' = dystrophic (narrative.md §5); 'grobschollig' qualifies the same dystrophic calcifications: coarse-popcorn also accepted as a second term; 'postoperativ' is a cause, not a historical trigger (README decision 14); C1 2")],
[M("findings", "affirmed", "1", "dystrophen Verkalkungen", "Rechts postoperative Narbe im oberen äußeren Quadranten mit grobschollig dystrophen Verkalkungen, seit 2021 unverändert."),
 M("impression", "affirmed", "1", "dystrophe Verkalkungen", "Unveränderte dystrophe Verkalkungen im Narbenbereich rechts.")],
cat="2", fup="routine-screening|none", lang="de-AT",
note="'Z. n. BET' in the history; 'invasiv-duktal' is no site (a history diagnosis, narrative.md §2); 'Jährliche Mammographie-Nachsorge' is annual follow-up: routine-screening or none")

R("de_ben06_rund_punktfoermig_lobulaer_diffus", "benign", "MAMMOGRAPHIE BEIDSEITS", [
    ("comparison", "Voraufnahmen von 2023 und 2024 liegen vor."),
    ("findings", "Beidseits diffus verteilte runde und punktförmige Verkalkungen, lobulär gelegen, im Vergleich konstant."),
    ("impression", "Benigne Verkalkungen beidseits. BI-RADS 2."),
], [F("right", "round;punctate", "diffuse", "lobular", "stable", "affirmed", "benign", "none",
      "'rund', 'punktförmig' (narrative.md §5); 'diffus' = diffuse; 'lobulär' = lobular, stated (§6.7); 'konstant' = stable; C1/C2 2"),
    F("left", "round;punctate", "diffuse", "lobular", "stable", "affirmed", "benign", "none")],
[M("findings", "affirmed", "1,2", "runde und punktförmige Verkalkungen", "Beidseits diffus verteilte runde und punktförmige Verkalkungen, lobulär gelegen, im Vergleich konstant."),
 M("impression", "affirmed", "1,2", "Benigne Verkalkungen", "Benigne Verkalkungen beidseits.")],
cat="2", fup="none", lang="de")

R("de_pb01_gruppiert_rund_basis_bi_rads3", "benign", "MAMMOGRAPHIE LINKS", [
    ("procedure", "Erstmammographie (Basisuntersuchung) links in zwei Ebenen mit Vergrößerungsaufnahme."),
    ("findings", "Links bei 5 Uhr eine Gruppe runder und punktförmiger Mikroverkalkungen, 4 mm, keine Voraufnahmen zum Vergleich."),
    ("impression", "Wahrscheinlich benigne Mikrokalkgruppe links. BI-RADS 3."),
    ("recommendation", "Kontrolle links in 6 Monaten. Falls die Verkalkungen zunehmen, wird eine stereotaktische Biopsie empfohlen."),
], [F("left", "round;punctate", "grouped", "none", "none", "affirmed", "probably-benign", "5",
      "C3 3 (grouped round/punctate, baseline) beats C1 2; 'eine Gruppe' = grouped")],
[M("findings", "affirmed", "1", "Gruppe runder und punktförmiger Mikroverkalkungen", "Links bei 5 Uhr eine Gruppe runder und punktförmiger Mikroverkalkungen, 4 mm, keine Voraufnahmen zum Vergleich.",
   "'keine Voraufnahmen' negates the priors, not the calcifications before it"),
 M("impression", "affirmed", "1", "Mikrokalkgruppe", "Wahrscheinlich benigne Mikrokalkgruppe links.", "'wahrscheinlich benigne' is an assessment (README decision 11), not uncertainty"),
 M("recommendation", "hypothetical", "-", "die Verkalkungen", "Falls die Verkalkungen zunehmen, wird eine stereotaktische Biopsie empfohlen.", "'falls' (if): hypothetical (narrative.md §3)")],
cat="3", fup="short-interval-follow-up", lang="de",
note="probably benign; the biopsy is conditional, so the stated follow-up is the 6-month control only")

R("de_pb02_keine_befundaenderung_gruppe", "benign", "MAMMOGRAPHIE RECHTS", [
    ("findings", "Keine Befundänderung der Gruppe punktförmiger Mikroverkalkungen rechts bei 10:00 Uhr; seit 12 Monaten konstant."),
    ("impression", "Stabile gruppierte punktförmige Mikroverkalkungen rechts. BI-RADS 3."),
    ("recommendation", "Weitere Verlaufskontrolle in 6 Monaten."),
], [F("right", "punctate", "grouped", "none", "stable", "affirmed", "probably-benign", "10",
      "'Keine Befundänderung der …' is the German 'no change in' pseudo-trigger (narrative.md §3): stable, not negated; C3 3")],
[M("findings", "affirmed", "1", "Gruppe punktförmiger Mikroverkalkungen", "Keine Befundänderung der Gruppe punktförmiger Mikroverkalkungen rechts bei 10:00 Uhr; seit 12 Monaten konstant.",
   "pseudo-negation: 'keine' negates the change, not the calcifications"),
 M("impression", "affirmed", "1", "gruppierte punktförmige Mikroverkalkungen", "Stabile gruppierte punktförmige Mikroverkalkungen rechts.")],
cat="3", fup="short-interval-follow-up", lang="de-DE", note="clock '10:00 Uhr'")

# ======================================================================= negative
R("de_neg01_negationsliste", "negative", "MAMMOGRAPHIE-SCREENING BEIDSEITS", [
    ("procedure", "Mammographie beidseits in zwei Ebenen (cc und mlo)."),
    ("findings", "Brustdrüsengewebe ACR b. Kein Herdbefund, keine Mikroverkalkungen, keine Architekturstörung. Axillär beidseits unauffällig."),
    ("impression", "Kein Hinweis auf Malignität. BI-RADS 1."),
], [], [M("findings", "negated", "-", "keine Mikroverkalkungen", "Kein Herdbefund, keine Mikroverkalkungen, keine Architekturstörung.", "negation list (narrative.md §5 'kein, keine')")],
cat="1", fup="none", lang="de", note="the issue-17 form of neg01: no finding, reported 1")

R("de_neg02_kein_mikrokalk_fliesstext", "negative", "MAMMOGRAPHIE BEIDSEITS",
  "Klinische Angaben: Vorsorge, familiäre Belastung.\n"
  "Befund: Beidseits dichtes Drüsenparenchym (ACR d), dadurch eingeschränkte Beurteilbarkeit. Kein Mikrokalk. Kein suspekter Herdbefund.\n"
  "Beurteilung: Unauffällige Mammographie beidseits. BI-RADS 1.\n"
  "Empfehlung: Ergänzende Mammasonographie beidseits.",
[], [M("findings", "negated", "-", "Kein Mikrokalk", "Kein Mikrokalk.")],
cat="1", fup="none", layout="onetext", lang="de",
note="'Ergänzende Mammasonographie' is supplemental ultrasound, none of the listed follow-ups (README decision 15)")

R("de_neg03_keine_verkalkungen_nicht_nachweisbar", "negative", "MAMMOGRAPHIE BEIDSEITS", [
    ("findings", ["Rechts: Keine Verkalkungen.",
                  "Links: Suspekter Mikrokalk ist nicht nachweisbar. Kein Herdbefund."]),
    ("impression", "Beidseits unauffälliger Befund, BI-RADS 1."),
], [], [M("findings", "negated", "-", "Verkalkungen", "Keine Verkalkungen."),
        M("findings", "negated", "-", "Suspekter Mikrokalk", "Suspekter Mikrokalk ist nicht nachweisbar.", "trigger after the concept ('nicht nachweisbar', narrative.md §5)")],
cat="1", fup="none", lang=GER_LEGACY,
note="language coded the legacy way, (ger, ISO639_2, German): CID 5000 in earlier editions of PS3.16 used ISO 639-2/B codes with scheme ISO639_2 (today RFC5646); a reader should still see German. Put on a negative report so a dispute costs only mention statuses")

# ======================================================================= uncertain
R("de_unc01_fragliche_mikroverkalkungen", "uncertain", "MAMMOGRAPHIE-SCREENING BEIDSEITS", [
    ("findings", "Fragliche Mikroverkalkungen rechts retromamillär, nur in der mlo-Ebene abgrenzbar. Links unauffällig."),
    ("impression", "BI-RADS 0. Ergänzende Vergrößerungsaufnahmen rechts empfohlen."),
], [F("right", "none", "none", "none", "none", "uncertain", "not-benign", "none", "'fraglich' = uncertain (narrative.md §5); C14 never benign, no descriptors: C12 0 at least")],
[M("findings", "uncertain", "1", "Fragliche Mikroverkalkungen", "Fragliche Mikroverkalkungen rechts retromamillär, nur in der mlo-Ebene abgrenzbar.")],
cat="0", fup="magnification-views", lang="de")

R("de_unc02_nicht_sicher_auszuschliessen_va", "uncertain", "MAMMOGRAPHIE LINKS", [
    ("findings", "Links im oberen inneren Quadranten bei 11 Uhr ist eine Gruppe feiner punktförmiger Verkalkungen nicht sicher auszuschließen. V. a. diskrete amorphe Mikroverkalkungen links bei 8 Uhr, nur kraniokaudal sichtbar."),
    ("impression", "BI-RADS 0. Vergrößerungsaufnahmen links bei 8 und 11 Uhr."),
], [F("left", "punctate", "grouped", "none", "none", "uncertain", "not-benign", "11",
      "'nicht sicher auszuschließen' (after the concept) = uncertain; C14: grouped punctate would be probably benign, not for an uncertain mention"),
    F("left", "amorphous", "none", "none", "none", "uncertain", "suspicious", "8",
      "'V. a.' (Verdacht auf) doubting the calcifications themselves ('diskret', one view only): uncertain, or affirmed; C5 4B either way (C14 keeps suspicious descriptors)")],
[M("findings", "uncertain", "1", "Gruppe feiner punktförmiger Verkalkungen", "Links im oberen inneren Quadranten bei 11 Uhr ist eine Gruppe feiner punktförmiger Verkalkungen nicht sicher auszuschließen."),
 M("findings", "uncertain|affirmed", "2", "amorphe Mikroverkalkungen", "V. a. diskrete amorphe Mikroverkalkungen links bei 8 Uhr, nur kraniokaudal sichtbar.",
   "a reader splitting at 'V.' / 'a.' keeps a fragment contained in this sentence")],
cat="0", fup="magnification-views", lang="de-DE",
note="two findings of one breast at two clocks: not merged. 'fein punktförmig' is punctate, not 'fein pleomorph'")

# ======================================================================= historical
R("de_his01_zn_vakuumbiopsie_ohne_aenderung", "historical", "MAMMOGRAPHIE BEIDSEITS", [
    ("history", "Z. n. stereotaktischer Vakuumbiopsie von Mikrokalk links bei 1 Uhr 2023, histologisch benigne (B2, fibrös-zystische Mastopathie)."),
    ("findings", "Clipmarker links bei 1 Uhr in loco typico. Keine neuen Mikroverkalkungen. Beidseits kein Herdbefund."),
    ("impression", "Postinterventioneller Befund links ohne Malignitätshinweis. BI-RADS 2."),
], [], [M("history", "historical", "-", "Mikrokalk", "Z. n. stereotaktischer Vakuumbiopsie von Mikrokalk links bei 1 Uhr 2023, histologisch benigne (B2, fibrös-zystische Mastopathie).", "'Z. n.' (Zustand nach) in the history (narrative.md §5 historical)"),
        M("findings", "negated", "-", "neuen Mikroverkalkungen", "Keine neuen Mikroverkalkungen.", "'Keine neuen' negates ('No new', like neg08)")],
cat="2", fup="none", lang="de",
note="historical calcifications, biopsied benign, no current change: no finding")

R("de_his02_zn_vakuumbiopsie_groessenprogredient", "historical", "MAMMOGRAPHIE RECHTS",
  "Anamnese: Z. n. Vakuumbiopsie rechts 2023 bei gruppiertem Mikrokalk (B3, flache epitheliale Atypie), Clip in situ.\n"
  "Befund: Rechts bei 11 Uhr am Clip größenprogrediente Gruppe amorpher Mikroverkalkungen, jetzt 9 mm (2023: 4 mm).\n"
  "Beurteilung: Größenprogrediente amorphe Mikroverkalkungen rechts am Biopsieclip. BI-RADS 4.\n"
  "Empfehlung: Erneute stereotaktische Vakuumbiopsie rechts.",
[F("right", "amorphous", "grouped", "none", "increased", "affirmed", "suspicious", "11",
   "C5 4B; 'größenprogredient' (growing) = increased (narrative.md §5 'Zunahme, zunehmend'); the current change makes it current although at the biopsy site")],
[M("history", "historical", "-", "gruppiertem Mikrokalk", "Z. n. Vakuumbiopsie rechts 2023 bei gruppiertem Mikrokalk (B3, flache epitheliale Atypie), Clip in situ.", "Anamnese heading = history; 'Z. n.'"),
 M("findings", "affirmed", "1", "Gruppe amorpher Mikroverkalkungen", "Rechts bei 11 Uhr am Clip größenprogrediente Gruppe amorpher Mikroverkalkungen, jetzt 9 mm (2023: 4 mm)."),
 M("impression", "affirmed", "1", "amorphe Mikroverkalkungen", "Größenprogrediente amorphe Mikroverkalkungen rechts am Biopsieclip.")],
cat="4", fup="vacuum-assisted-biopsy", layout="onetext", lang="de",
note="one TEXT with 'Anamnese:', 'Befund:', 'Beurteilung:', 'Empfehlung:'; the earlier biopsy is history, the growth is current")
