#include "findings/warning_code.hpp"

namespace mammocalc {

std::string_view to_string(WarningCode code) {
  switch (code) {
    case WarningCode::UnknownCode:
      return "unknown-code";
    case WarningCode::UnknownUnit:
      return "unknown-unit";
    case WarningCode::NotForPresentation:
      return "not-for-presentation";
    case WarningCode::CharacterSet:
      return "character-set";
    case WarningCode::TolerantRead:
      return "tolerant-read";
    case WarningCode::ContentSkipped:
      return "content-skipped";
    case WarningCode::TextRepaired:
      return "text-repaired";
    case WarningCode::AnnotationConflict:
      return "annotation-conflict";
    case WarningCode::AnnotationUnmatched:
      return "annotation-unmatched";
    case WarningCode::AnnotationSkipped:
      return "annotation-skipped";
    case WarningCode::AnnotationOtherSr:
      return "annotation-other-sr";
    case WarningCode::AnnotationDuplicate:
      return "annotation-duplicate";
    case WarningCode::CadIncomplete:
      return "cad-incomplete";
    case WarningCode::NarrativeDerived:
      return "narrative-derived";
    case WarningCode::NarrativeDiscordant:
      return "narrative-discordant";
    case WarningCode::NarrativeUnresolved:
      return "narrative-unresolved";
    case WarningCode::LanguageUnsupported:
      return "language-unsupported";
    case WarningCode::CodeMeaningDiscordant:
      return "code-meaning-discordant";
    case WarningCode::MoreSuspiciousReading:
      return "more-suspicious-reading";
    case WarningCode::SiteConflict:
      return "site-conflict";
    case WarningCode::InsufficientEvidence:
      return "insufficient-evidence";
    case WarningCode::AssessmentDiscordant:
      return "assessment-discordant";
    case WarningCode::FollowUpDiffers:
      return "follow-up-differs";
    case WarningCode::ConflictingValues:
      return "conflicting-values";
    case WarningCode::DocumentIncomplete:
      return "document-incomplete";
    case WarningCode::SameExamConflict:
      return "same-exam-conflict";
  }
  return "unknown-warning";
}

}  // namespace mammocalc
