#pragma once
// The predicates of the rule table: small named functions that read like their clinical wording.

#include <string>
#include <vector>

#include "rules/rules.hpp"

namespace mammocalc::predicates {

// Vocabulary the predicates share.
bool is_typically_benign(Morphology term);            // BI-RADS typically benign list
bool is_benign_in_any_distribution(Morphology term);  // large rod-like, vascular, suture
bool has_morphology(const Finding& finding, Morphology term);
bool has_distribution(const Finding& finding, Distribution term);
bool ductal_reading(const RuleContext& context);  // stated or inferred ductal

// Everything that keeps stereotactic biopsy from being done here, each naming the profile value
// that decided it; empty when stereotactic is feasible.
std::vector<std::string> stereotactic_obstacles(const RuleContext& context);

bool always(const RuleContext& context);
bool site_stated_by_annotation(const RuleContext& context);
bool site_stated_by_sr(const RuleContext& context);
bool site_stated_in_text(const RuleContext& context);
bool ductal_pattern(const RuleContext& context);
bool lobular_pattern(const RuleContext& context);

bool has_suspicious_feature(const RuleContext& context);
bool typically_benign(const RuleContext& context);
bool lobular_without_suspicious_morphology(const RuleContext& context);
bool round_grouped_stable(const RuleContext& context);
bool round_new_or_ductal_arrangement(const RuleContext& context);
bool has_amorphous(const RuleContext& context);
bool diffuse_and_bilateral(const RuleContext& context);
bool has_coarse_heterogeneous(const RuleContext& context);
bool has_fine_pleomorphic(const RuleContext& context);
bool has_fine_linear(const RuleContext& context);
bool linear_or_segmental(const RuleContext& context);
bool ductal_without_benign_morphology(const RuleContext& context);
bool ductal_arrangement_not_benign(const RuleContext& context);
bool within_mass(const RuleContext& context);
bool architectural_distortion(const RuleContext& context);
// C16: the finding code is an asymmetry (Lesion::Asymmetry).
bool calcifications_in_an_asymmetry(const RuleContext& context);
bool finding_code_names_a_lesion(const RuleContext& context);
std::vector<std::string> finding_code_names_a_lesion_texts(const RuleContext& context);
bool known_malignancy(const RuleContext& context);
bool biopsy_result_to_correlate(const RuleContext& context);
bool intervention_target_unclear(const RuleContext& context);
std::vector<std::string> intervention_target_unclear_texts(const RuleContext& context);
std::vector<std::string> biopsy_result_to_correlate_texts(const RuleContext& context);
bool excision_result_without_biopsy(const RuleContext& context);
bool biopsy_without_result(const RuleContext& context);
std::vector<std::string> biopsy_without_result_texts(const RuleContext& context);
std::vector<std::string> excision_result_without_biopsy_texts(const RuleContext& context);
bool evidence_insufficient(const RuleContext& context);

bool has_reported_category(const RuleContext& context);

bool classified_benign(const RuleContext& context);
bool classified_probably_benign(const RuleContext& context);
bool classified_suspicious(const RuleContext& context);
bool classified_known_malignancy(const RuleContext& context);
bool classified_indeterminate(const RuleContext& context);
bool benign_and_bothering(const RuleContext& context);
bool has_vascular(const RuleContext& context);
bool palpable(const RuleContext& context);
std::vector<std::string> palpable_texts(const RuleContext& context);
bool outside_a_mass(const RuleContext& context);
std::vector<std::string> outside_a_mass_texts(const RuleContext& context);

bool prior_result_needs_excision(const RuleContext& context);
bool reported_needle_localization(const RuleContext& context);
bool ultrasound_visible(const RuleContext& context);
bool stereotactic_not_feasible(const RuleContext& context);
bool mammography_only_with_vacuum(const RuleContext& context);

// Check rows (W): each predicate with the texts of the warnings it gives. Those that read what the
// other stages decided throw std::logic_error, naming themselves, when context.decided is unset.
bool more_suspicious_reading_classifies(const RuleContext& context);
std::vector<std::string> more_suspicious_reading_texts(const RuleContext& context);
bool site_conflict(const RuleContext& context);
std::vector<std::string> site_conflict_texts(const RuleContext& context);
bool rules_gave_no_category(const RuleContext& context);
std::vector<std::string> insufficient_evidence_texts(const RuleContext& context);
bool benign_without_morphology(const RuleContext& context);
std::vector<std::string> benign_without_morphology_texts(const RuleContext& context);
bool read_from_text(const RuleContext& context);
std::vector<std::string> read_from_text_texts(const RuleContext& context);
bool uncertain_mention(const RuleContext& context);
bool assessment_discordant(const RuleContext& context);
std::vector<std::string> assessment_discordant_texts(const RuleContext& context);
bool reported_follow_up_differs(const RuleContext& context);
std::vector<std::string> follow_up_differs_texts(const RuleContext& context);
bool readings_disagree(const RuleContext& context);
// W20: a reported follow-up (the finding's own, or an overall one for its breast) or follow-up
// interval asks for less than the rules' action. Reads context.exam when it is set.
bool follow_up_asks_for_less(const RuleContext& context);
std::vector<std::string> follow_up_asks_for_less_texts(const RuleContext& context);
// A8's variant: a wire cannot localize diffuse calcifications.
bool diffuse_distribution(const RuleContext& context);
bool conflicting_values(const RuleContext& context);
std::vector<std::string> conflicting_values_texts(const RuleContext& context);
bool unreadable_item(const RuleContext& context);
bool recommendation_breast_not_named(const RuleContext& context);
std::vector<std::string> recommendation_breast_not_named_texts(const RuleContext& context);
// Overall check rows (W, after every finding): they read context.exam and context.decided.
bool overall_more_suspicious_than_its_findings(const RuleContext& context);
std::vector<std::string> overall_more_suspicious_texts(const RuleContext& context);
bool overall_below_reported_category(const RuleContext& context);
std::vector<std::string> overall_below_reported_texts(const RuleContext& context);
bool overall_follow_up_not_chosen_for_breast(const RuleContext& context);
bool benign_beside_unreadable_item(const RuleContext& context);
std::vector<std::string> overall_follow_up_for_breast_texts(const RuleContext& context);

// Exam rows (E): they read context.exam only, and throw std::logic_error, naming themselves,
// when it is unset.
bool exam_has_findings(const RuleContext& context);
bool no_finding_but_report_category(const RuleContext& context);
bool report_says_nothing(const RuleContext& context);
std::vector<std::string> report_says_nothing_texts(const RuleContext& context);
bool overall_category_not_on_a_finding(const RuleContext& context);
bool overall_category_discordant(const RuleContext& context);
std::vector<std::string> overall_discordant_texts(const RuleContext& context);
bool overall_follow_up_asks_for_tissue(const RuleContext& context);
std::vector<std::string> overall_follow_up_texts(const RuleContext& context);
bool overall_follow_up_asks_for_more_imaging(const RuleContext& context);
std::vector<std::string> overall_imaging_follow_up_texts(const RuleContext& context);
bool overall_statements_conflict(const RuleContext& context);
std::vector<std::string> overall_conflict_texts(const RuleContext& context);
bool unreadable_outside_findings(const RuleContext& context);
bool conflict_outside_findings(const RuleContext& context);
// E15: a finding the calcification rules do not assess reports a category above its breast's or
// the exam's (hostile review 27, H27-6).
bool unassessed_finding_category_above(const RuleContext& context);
std::vector<std::string> unassessed_finding_category_texts(const RuleContext& context);
// E13: an item inside a finding could not be read (the finding's own row is W10).
bool unreadable_inside_findings(const RuleContext& context);
bool report_read_from_text(const RuleContext& context);
std::vector<std::string> report_read_from_text_texts(const RuleContext& context);
bool cad_incomplete(const RuleContext& context);
// E23: a CAD finding skipped as not for presentation would have been suspicious.
// E24: a category the report states for one breast is above its findings' final categories (above
// 2 where it has none).
bool breast_category_stated_above_its_findings(const RuleContext& context);
// A reading the rules would let stand without review: benign or probably benign.
bool plainly_benign(const Decision& decision);
bool suspicious_not_for_presentation(const RuleContext& context);
std::vector<std::string> suspicious_not_for_presentation_texts(const RuleContext& context);
// W17: a code of the finding whose meaning names another term than its value (the reader's
// code-meaning-discordant note).
bool code_meaning_discordant(const RuleContext& context);
// E16: the same on a code of the report's overall assessment (a code-meaning-discordant note of
// the exam).
bool overall_code_meaning_discordant(const RuleContext& context);
// E11: the SR says its evidence is incomplete (Completion Flag PARTIAL, Preliminary Flag
// PRELIMINARY); the texts name the flag and quote the Completion Flag Description.
bool document_incomplete(const RuleContext& context);
std::vector<std::string> document_incomplete_texts(const RuleContext& context);
// E12: a file of an annotation directory could not be read (the annotation-skipped note).
bool annotation_unread(const RuleContext& context);
// E14: an annotation's refinement matched no SR finding (the annotation-unmatched note).
bool annotation_unmatched(const RuleContext& context);
// E17: a file of an annotation directory for this study was made on another SR.
bool annotation_for_another_sr(const RuleContext& context);

// E18: an annotation file says the same as one applied before, and was not applied again.
bool annotation_duplicated(const RuleContext& context);
// Another input of this run carries this report's SOP Instance UID with another result (E19).
bool same_exam_conflict(const RuleContext& context);
// The report's overall Assessment Category 0 is the exam's (E2, E3: no finding above 2; E20).
bool overall_incomplete_stands(const RuleContext& context);
// W18: the finding is an annotation's refinement that matched no SR finding, kept on its own.
bool refinement_matched_no_finding(const RuleContext& context);
bool read_back_own_sr(const RuleContext& context);
// W16: a narrative finding that describes this coded finding is more suspicious than it (row W8
// warns on the exam; this says it on the coded finding's own line).
bool text_more_suspicious_than_this_finding(const RuleContext& context);
std::vector<std::string> text_more_suspicious_than_this_finding_texts(const RuleContext& context);
bool narrative_discordant(const RuleContext& context);
std::vector<std::string> narrative_discordant_texts(const RuleContext& context);

// Row W8's reading of each finding (TextDiscordance, in rules.hpp).
using TextDiscordance = mammocalc::TextDiscordance;
TextDiscordance text_discordance(const Findings& findings, const std::vector<Decision>& decisions,
                                 std::size_t index);
// text_discordance of every finding, once per exam (ExamContext::text_discordances): asked per
// finding by the rows of every other finding it would cost the square of the findings.
std::vector<TextDiscordance> text_discordances(const Findings& findings,
                                               const std::vector<Decision>& decisions);
// How much each overall statement's follow-ups ask for (one list per statement, one urgency per
// follow-up; none for one that names no procedure), once per exam
// (ExamContext::follow_up_urgencies): row W20 weighs every finding against every statement.
std::vector<std::vector<std::optional<int>>> statement_follow_up_urgencies(
    const Findings& findings);

}  // namespace mammocalc::predicates
