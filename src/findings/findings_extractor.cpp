#include "findings/findings_extractor.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/error.hpp"
#include "findings/lexicon.hpp"

namespace mammocalc {
namespace {

bool is_concept(const ContentItem& item, const CodeConst& name) {
  return same_concept(item.concept_name, name);
}

bool is_code_item(const ContentItem& item, const CodeConst& name) {
  return item.value_type == ValueType::Code && is_concept(item, name);
}

// Calls visit(item, parent) for every item below `root` (parent is nullptr for the root).
// Depth is bounded by the reader, so plain recursion is safe here.
template <typename Visit>
void walk(const ContentItem& item, const ContentItem* parent, Visit& visit) {
  visit(item, parent);
  for (const auto& child : item.children) walk(child, &item, visit);
}

template <typename Visit>
void walk_tree(const ContentItem& root, Visit visit) {
  walk(root, nullptr, visit);
}

const ContentItem* first_child(const ContentItem& item, const CodeConst& name) {
  const auto found =
      std::find_if(item.children.begin(), item.children.end(),
                   [&](const ContentItem& child) { return is_concept(child, name); });
  return found == item.children.end() ? nullptr : &*found;
}

ReaderNote unknown_code_note(const ContentItem& item, std::string_view context_group) {
  return ReaderNote{WarningCode::UnknownCode,
                    describe(item.concept_name) + " value " + describe(item.code) + " is not in " +
                        std::string(context_group) + "; kept as unrecognised",
                    item.position};
}

std::optional<double> millimetres(const ContentItem& item, std::vector<ReaderNote>& notes) {
  if (!item.number) return std::nullopt;
  const std::string& unit = item.unit.value;
  if (item.unit.scheme == "UCUM") {
    if (unit == "mm") return *item.number;
    if (unit == "cm") return *item.number * 10.0;
    if (unit == "um") return *item.number / 1000.0;
  }
  notes.push_back(
      {WarningCode::UnknownUnit,
       describe(item.concept_name) + " has unit " + describe(item.unit) + "; distance not used",
       item.position});
  return std::nullopt;
}

// More concerning change wins when several are coded.
Change more_concerning(Change a, Change b) {
  const auto rank = [](Change c) {
    switch (c) {
      case Change::New:
        return 4;
      case Change::Increased:
        return 3;
      case Change::Stable:
        return 2;
      case Change::Decreased:
        return 1;
      case Change::Unknown:
        return 0;
    }
    return 0;
  };
  return rank(b) > rank(a) ? b : a;
}

template <typename Term>
void add_term(std::vector<Coded<Term>>& terms, Term term, const ContentItem& item) {
  terms.push_back(Coded<Term>{term, item.code, item.position});
}

void read_pathology(const ContentItem& container, Finding& finding) {
  for (const auto& child : container.children) {
    if (child.value_type != ValueType::Code) continue;
    if (is_concept(child, codes::kProcedureResult)) {
      if (auto result = prior_result_for(child.code)) {
        finding.prior_results.push_back(*result);
      } else {
        finding.notes.push_back(unknown_code_note(child, "CID 6063"));
      }
    } else if (is_concept(child, codes::kPathology) ||
               is_concept(child, codes::kConfirmationOfTarget)) {
      if (auto result = prior_result_for(child.code)) finding.prior_results.push_back(*result);
    }
  }
}

// Reads one property item (a child of a finding) into the finding. Returns false when the item
// is not a property we read.
bool read_property(const ContentItem& item, Finding& finding) {
  if (item.value_type == ValueType::Num) {
    if (is_concept(item, codes::kDistanceFromNipple)) {
      finding.location.from_nipple_mm = millimetres(item, finding.notes);
    } else if (is_concept(item, codes::kDistanceFromSkin)) {
      finding.location.from_skin_mm = millimetres(item, finding.notes);
    } else if (is_concept(item, codes::kDistanceFromChestWall)) {
      finding.location.from_chest_wall_mm = millimetres(item, finding.notes);
    } else if (is_concept(item, codes::kNumberOfCalcifications) && item.number) {
      finding.count = static_cast<int>(*item.number);
    } else {
      return false;
    }
    return true;
  }
  if (item.value_type == ValueType::Container && is_concept(item, codes::kPathologyResults)) {
    read_pathology(item, finding);
    return true;
  }
  if (item.value_type != ValueType::Code) return false;
  if (is_concept(item, codes::kLaterality) || is_concept(item, codes::kImageLaterality)) {
    if (auto laterality = laterality_for(item.code)) {
      finding.laterality = *laterality;
    } else {
      finding.notes.push_back(unknown_code_note(item, "CID 6022"));
    }
  } else if (is_concept(item, codes::kClockfaceOrRegion)) {
    if (auto hour = clock_hour_for(item.code)) {
      finding.location.clock_hour = *hour;
    } else if (auto region = region_for(item.code)) {
      finding.location.region = *region;
    } else {
      finding.notes.push_back(unknown_code_note(item, "CID 6018"));
    }
  } else if (is_concept(item, codes::kQuadrantLocation)) {
    if (auto quadrant = quadrant_for(item.code)) {
      finding.location.quadrant = *quadrant;
    } else {
      finding.notes.push_back(unknown_code_note(item, "CID 6020"));
    }
  } else if (is_concept(item, codes::kDepth)) {
    if (auto depth = depth_for(item.code)) {
      finding.location.depth = *depth;
    } else {
      finding.notes.push_back(unknown_code_note(item, "CID 6024"));
    }
  } else if (is_concept(item, codes::kCalcificationType)) {
    if (auto term = morphology_for(item.code)) {
      add_term(finding.morphology, *term, item);
    } else {
      add_term(finding.morphology, Morphology::Unrecognised, item);
      finding.notes.push_back(unknown_code_note(item, "CID 6010"));
    }
  } else if (is_concept(item, codes::kCalcificationDistribution)) {
    const auto term = distribution_for(item.code);
    if (!term) finding.notes.push_back(unknown_code_note(item, "CID 6012"));
    finding.distribution =
        Coded<Distribution>{term.value_or(Distribution::Unrecognised), item.code, item.position};
  } else if (is_concept(item, codes::kChangeSinceLastMammogram)) {
    if (auto change = change_for(item.code)) {
      finding.change = more_concerning(finding.change, *change);
    } else {
      finding.notes.push_back(unknown_code_note(item, "CID 6002"));
    }
  } else if (is_concept(item, codes::kCorrelationToOtherFindings)) {
    if (same_concept(item.code, codes::kCorrelatesToUltrasound)) {
      finding.ultrasound_visible = Presence::Yes;
    }
  } else if (is_concept(item, codes::kFindingSite)) {
    if (auto site = site_for(item.code)) {
      finding.stated_site = *site;
      finding.stated_site_source = SiteSource::Sr;
    } else {
      finding.notes.push_back(unknown_code_note(item, "the duct/lobule codes of domain.md §1.4"));
    }
  } else if (is_concept(item, codes::kAssessmentCategory)) {
    if (auto category = category_for(item.code)) {
      finding.reported_category = *category;
      finding.reported_category_source = ReportedSource::Finding;
    } else {
      finding.notes.push_back(unknown_code_note(item, "CID 6026"));
    }
    // TID 4203 children (follow-up, pathology) may hang below the category.
    for (const auto& child : item.children) read_property(child, finding);
  } else if (is_concept(item, codes::kRecommendedFollowUp)) {
    finding.reported_follow_up.push_back(item.code);
  } else {
    return false;
  }
  return true;
}

bool is_calcification_finding_value(const Code& value) {
  return same_concept(value, codes::kCalcificationOfBreast) ||
         same_concept(value, codes::kCalcificationCluster) ||
         same_concept(value, codes::kIndividualCalcification) ||
         same_concept(value, codes::kMassWithCalcifications) ||
         same_concept(value, codes::kRadiographicCalcificationFinding);
}

bool carries_calcification_properties(const ContentItem& item) {
  return first_child(item, codes::kCalcificationType) != nullptr ||
         first_child(item, codes::kCalcificationDistribution) != nullptr ||
         first_child(item, codes::kNumberOfCalcifications) != nullptr;
}

// Laterality of the procedure reported beside a TID 4206 finding (TID 4201 row 3).
Laterality procedure_laterality(const ContentItem& findings_container) {
  for (const auto& sibling : findings_container.children) {
    if (!is_code_item(sibling, codes::kProcedureReported)) continue;
    if (const ContentItem* laterality = first_child(sibling, codes::kLaterality)) {
      if (auto value = laterality_for(laterality->code)) return *value;
    }
  }
  return Laterality::Unknown;
}

struct OverallAssessment {
  std::optional<Category> category;
  std::vector<Code> follow_up;
  std::vector<ReaderNote> notes;
};

void read_overall(const ContentItem& holder, OverallAssessment& overall) {
  for (const auto& child : holder.children) {
    if (is_code_item(child, codes::kAssessmentCategory)) {
      if (auto category = category_for(child.code)) {
        overall.category = category;
      } else {
        overall.notes.push_back(unknown_code_note(child, "CID 6026"));
      }
      for (const auto& grandchild : child.children) {
        if (is_code_item(grandchild, codes::kRecommendedFollowUp)) {
          overall.follow_up.push_back(grandchild.code);
        }
      }
    } else if (is_code_item(child, codes::kRecommendedFollowUp)) {
      overall.follow_up.push_back(child.code);
    }
  }
}

// TID 4200 (and calcification findings in any other SR): every TID 4206 Finding that is a
// calcification finding.
void extract_report_findings(const ContentItem& root, Findings& out, OverallAssessment& overall) {
  walk_tree(root, [&](const ContentItem& item, const ContentItem* parent) {
    if (item.value_type == ValueType::Container && is_concept(item, codes::kOverallAssessment)) {
      read_overall(item, overall);
      return;
    }
    if (!is_code_item(item, codes::kFinding)) return;
    if (!is_calcification_finding_value(item.code) && !carries_calcification_properties(item)) {
      return;
    }
    Finding finding;
    finding.position = item.position;
    finding.origin = Origin::BreastImagingReport;
    finding.mass_with_calcifications = same_concept(item.code, codes::kMassWithCalcifications);
    for (const auto& child : item.children) read_property(child, finding);
    if (finding.laterality == Laterality::Unknown && parent != nullptr) {
      finding.laterality = procedure_laterality(*parent);
    }
    out.findings.push_back(std::move(finding));
  });
}

// ---- TID 4000 Mammography CAD ----

class CadReader {
 public:
  explicit CadReader(const ContentItem& root) {
    walk_tree(root, [&](const ContentItem& item, const ContentItem*) {
      by_position_[item.position] = &item;
      if (item.value_type == ValueType::Image) {
        if (const ContentItem* laterality = first_child(item, codes::kImageLaterality)) {
          if (auto value = laterality_for(laterality->code)) {
            image_laterality_by_position_[item.position] = *value;
            if (!item.referenced_sop_instance.empty()) {
              image_laterality_by_sop_[item.referenced_sop_instance] = *value;
            }
          }
        }
      }
    });
  }

  // The item itself, or the target of a by-reference item.
  const ContentItem& resolve(const ContentItem& item) const {
    if (item.value_type != ValueType::ByReference) return item;
    const auto found = by_position_.find(item.referenced_position);
    return found == by_position_.end() ? item : *found->second;
  }

  void extract(const ContentItem& root, Findings& out, OverallAssessment& overall) {
    std::vector<std::pair<const ContentItem*, const ContentItem*>>
        candidates;  // finding, impression
    collect(root, nullptr, candidates, overall);
    std::set<std::string> members;
    for (const auto& [item, impression] : candidates) {
      if (same_concept(item->code, codes::kCalcificationCluster)) {
        for (const auto& child : item->children) {
          const ContentItem& target = resolve(child);
          if (child.relationship == Relationship::InferredFrom &&
              is_code_item(target, codes::kSingleImageFinding) &&
              same_concept(target.code, codes::kIndividualCalcification)) {
            members.insert(target.position);
          }
        }
      }
    }
    for (const auto& [item, impression] : candidates) {
      const bool cluster = same_concept(item->code, codes::kCalcificationCluster);
      if (!cluster && members.count(item->position)) continue;
      if (not_for_presentation(*item) || (impression && not_for_presentation(*impression))) {
        ++out.skipped_not_for_presentation;
        out.notes.push_back({WarningCode::NotForPresentation,
                             "CAD finding skipped: its Rendering Intent is Not for Presentation "
                             "(111152, DCM)",
                             item->position});
        continue;
      }
      out.findings.push_back(cluster ? read_cluster(*item, impression)
                                     : read_single(*item, impression, Origin::CadIndividual));
    }
  }

 private:
  void collect(const ContentItem& item, const ContentItem* impression,
               std::vector<std::pair<const ContentItem*, const ContentItem*>>& candidates,
               OverallAssessment& overall) {
    if (item.value_type == ValueType::Container && is_concept(item, codes::kIndividualImpression)) {
      impression = &item;
    }
    if (is_code_item(item, codes::kCadSummary)) read_overall(item, overall);
    if (is_code_item(item, codes::kSingleImageFinding) &&
        (same_concept(item.code, codes::kCalcificationCluster) ||
         same_concept(item.code, codes::kIndividualCalcification))) {
      candidates.emplace_back(&item, impression);
    }
    for (const auto& child : item.children) {
      if (child.value_type != ValueType::ByReference)
        collect(child, impression, candidates, overall);
    }
  }

  static bool not_for_presentation(const ContentItem& item) {
    const ContentItem* intent = first_child(item, codes::kRenderingIntent);
    return intent != nullptr && same_concept(intent->code, codes::kNotForPresentation);
  }

  Laterality laterality_from_images(const ContentItem& item) const {
    for (const auto& child : item.children) {
      const ContentItem& target = resolve(child);
      if (target.value_type == ValueType::Scoord) {
        const Laterality found = laterality_from_images(target);
        if (found != Laterality::Unknown) return found;
      }
      if (target.value_type == ValueType::Image) {
        const auto by_position = image_laterality_by_position_.find(target.position);
        if (by_position != image_laterality_by_position_.end()) return by_position->second;
        const auto by_sop = image_laterality_by_sop_.find(target.referenced_sop_instance);
        if (by_sop != image_laterality_by_sop_.end()) return by_sop->second;
      }
    }
    return Laterality::Unknown;
  }

  Finding read_single(const ContentItem& item, const ContentItem* impression, Origin origin) const {
    Finding finding;
    finding.position = item.position;
    finding.origin = origin;
    for (const auto& child : item.children) read_property(resolve(child), finding);
    if (impression != nullptr) {
      // TID 4002 in the Individual Impression/Recommendation: the CAD's assessment of it.
      for (const auto& child : impression->children) {
        if (is_code_item(child, codes::kAssessmentCategory) ||
            is_code_item(child, codes::kRecommendedFollowUp)) {
          read_property(child, finding);
        }
      }
      if (finding.reported_category)
        finding.reported_category_source = ReportedSource::CadImpression;
    }
    if (finding.laterality == Laterality::Unknown)
      finding.laterality = laterality_from_images(item);
    return finding;
  }

  Finding read_cluster(const ContentItem& item, const ContentItem* impression) const {
    Finding finding = read_single(item, impression, Origin::CadCluster);
    int member_count = 0;
    for (const auto& child : item.children) {
      const ContentItem& member = resolve(child);
      if (child.relationship != Relationship::InferredFrom ||
          !is_code_item(member, codes::kSingleImageFinding) ||
          !same_concept(member.code, codes::kIndividualCalcification)) {
        continue;
      }
      ++member_count;
      finding.member_positions.push_back(member.position);
      // A member's calcification type describes the cluster too.
      if (const ContentItem* type = first_child(member, codes::kCalcificationType)) {
        const auto term = morphology_for(type->code).value_or(Morphology::Unrecognised);
        const bool known = std::any_of(finding.morphology.begin(), finding.morphology.end(),
                                       [&](const auto& coded) { return coded.term == term; });
        if (!known) {
          Finding scratch;
          read_property(*type, scratch);
          for (auto& coded : scratch.morphology) finding.morphology.push_back(coded);
          for (auto& note : scratch.notes) finding.notes.push_back(note);
        }
      }
      if (finding.laterality == Laterality::Unknown) {
        finding.laterality = laterality_from_images(member);
      }
    }
    if (!finding.count && member_count > 0) finding.count = member_count;
    if (!finding.distribution) {
      // decision-logic.md §1: a CAD cluster implies a grouped distribution.
      const CodeConst grouped = code_of(Distribution::Grouped);
      finding.distribution = Coded<Distribution>{Distribution::Grouped, grouped.to_code(), ""};
      finding.distribution_implied = true;
    }
    return finding;
  }

  std::map<std::string, const ContentItem*> by_position_;
  std::map<std::string, Laterality> image_laterality_by_position_;
  std::map<std::string, Laterality> image_laterality_by_sop_;
};

ReportTemplate template_of(const SrDocument& document) {
  const Code& root = document.root.concept_name;
  if (same_concept(root, codes::kBreastImagingReport))
    return ReportTemplate::BreastImagingReport4200;
  if (same_concept(root, codes::kMammographyCadReport)) return ReportTemplate::MammographyCad4000;
  const auto& header = document.header;
  if (header.mapping_resource == "DCMR" && header.template_id == "4200") {
    return ReportTemplate::BreastImagingReport4200;
  }
  if (header.mapping_resource == "DCMR" && header.template_id == "4000") {
    return ReportTemplate::MammographyCad4000;
  }
  return ReportTemplate::Other;
}

// Patient's Age, or whole years from birth date to study date (both DICOM DA).
std::string patient_age(const SrHeader& header) {
  if (!header.patient_age.empty()) return header.patient_age;
  const auto& birth = header.patient_birth_date;
  const auto& study = header.study_date;
  const auto digits = [](const std::string& s) {
    return s.size() == 8 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(birth) || !digits(study)) return {};
  int years = std::stoi(study.substr(0, 4)) - std::stoi(birth.substr(0, 4));
  if (study.substr(4) < birth.substr(4)) --years;
  if (years < 0 || years > 150) return {};
  std::string text = std::to_string(years);
  return std::string(3 - std::min<std::size_t>(3, text.size()), '0') + text + "Y";
}

// The overall reported category speaks for a finding only when the report has no other
// calcification finding it could be about (decision-logic.md §1 precedence: the finding's own
// category wins). With several findings the exam rows weigh it (E3, E4 in rule_table.cpp).
void apply_overall(const OverallAssessment& overall, Findings& out) {
  out.overall_category = overall.category;
  out.overall_follow_up = overall.follow_up;
  for (const auto& note : overall.notes) out.notes.push_back(note);
  if (out.findings.size() != 1) return;
  Finding& only = out.findings.front();
  if (!only.reported_category && overall.category) {
    only.reported_category = overall.category;
    only.reported_category_source = ReportedSource::Overall;
  }
  if (only.reported_follow_up.empty()) only.reported_follow_up = overall.follow_up;
}

}  // namespace

Findings extract_findings(const SrDocument& document, const std::string& name) {
  Findings out;
  const SrHeader& header = document.header;
  out.source = SourceInfo{name,
                          header.sop_class_uid,
                          header.sop_instance_uid,
                          header.study_instance_uid,
                          header.accession_number,
                          header.study_date,
                          template_of(document),
                          header.series_instance_uid,
                          header.study_time,
                          header.content_date,
                          header.content_time,
                          header.evidence,
                          header.study_id,
                          header.study_description,
                          header.referring_physician_name};
  out.patient =
      PatientInfo{header.patient_id,   header.patient_name,       header.patient_sex,
                  patient_age(header), header.patient_birth_date, header.issuer_of_patient_id};
  for (const auto& [code, text] : document.reader_warnings) {
    out.notes.push_back({code, text, ""});
  }
  OverallAssessment overall;
  if (out.source.report_template == ReportTemplate::MammographyCad4000) {
    CadReader(document.root).extract(document.root, out, overall);
  } else {
    extract_report_findings(document.root, out, overall);
  }
  if (out.source.report_template == ReportTemplate::Other && out.findings.empty()) {
    throw Error(ErrorCode::NotBreastImaging,
                name + ": not a breast imaging report and no calcification content (root " +
                    describe(document.root.concept_name) + ")");
  }
  apply_overall(overall, out);
  return out;
}

}  // namespace mammocalc
