#include "review/review_html.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>

#include "findings/lexicon.hpp"
#include "output/batch_index.hpp"
#include "output/xml_text.hpp"
#include "review/review_text.hpp"

namespace mammocalc {
namespace {

// Colours by classification, in the diagram, the badges and the legend alike.
const char* colour_of(Classification classification) {
  switch (classification) {
    case Classification::Suspicious:
      return "#d62728";
    case Classification::KnownMalignancy:
      return "#7b1fa2";
    case Classification::ProbablyBenign:
      return "#f2b705";
    case Classification::Benign:
      return "#2ca02c";
    case Classification::Indeterminate:
      break;
  }
  return "#1f77b4";  // indeterminate: needs radiologist review
}

// The nipple's colour, used nowhere else: the picture test finds each breast's centre by it.
constexpr const char* kNippleColour = "#2b2b80";

// No '<', '>' or '&' in here: a style element's text is not unescaped by HTML parsers.
constexpr const char* kStyle = R"(
body { font-family: sans-serif; margin: 24px; color: #222; max-width: 1180px; }
.notice { border: 2px solid #b00; padding: 8px 12px; font-weight: bold; }
h1 { font-size: 20px; margin: 24px 0 8px; }
h2 { font-size: 16px; margin: 20px 0 6px; }
h3 { font-size: 14px; margin: 12px 0 4px; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #bbb; padding: 4px 6px; text-align: left; vertical-align: top; }
table.header th, table.header td { border: none; padding: 2px 8px 2px 0; }
.picture { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.unplaced { font-size: 13px; width: 300px; }
.badge { display: inline-block; min-width: 18px; padding: 1px 4px; border-radius: 9px;
  color: #fff; font-weight: bold; text-align: center; }
.legend span.badge { margin-left: 12px; }
.verdict { font-size: 15px; font-weight: bold; }
.warning { color: #8a4b00; }
.exam { page-break-after: always; }
.from-text { display: inline-block; padding: 1px 6px; border-radius: 9px; color: #fff;
  background: #6a3d9a; font-weight: bold; font-size: 12px; white-space: nowrap; }
.quote { margin: 2px 0 2px 12px; padding: 2px 8px; border-left: 3px solid #6a3d9a;
  font-style: italic; }
.quote .section { font-style: normal; color: #555; font-size: 12px; }
.readtext li { margin: 3px 0; }
td.path { overflow-wrap: anywhere; min-width: 12em; }
@media print { body { margin: 0; } .exam { break-after: page; } }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
)";

pugi::xml_node element(pugi::xml_node parent, const char* name) {
  return parent.append_child(name);
}

pugi::xml_node element(pugi::xml_node parent, const char* name, const std::string& text) {
  pugi::xml_node node = parent.append_child(name);
  node.text().set(xml_safe_text(text).c_str());
  return node;
}

void attribute(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(xml_safe_text(value).c_str());
}

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

pugi::xml_node badge(pugi::xml_node parent, const std::string& text,
                     Classification classification) {
  pugi::xml_node span = element(parent, "span", text);
  attribute(span, "class", "badge");
  attribute(span, "style", std::string("background:") + colour_of(classification));
  return span;
}

// Where a finding goes on the diagram: an angle (degrees clockwise from 12 o'clock) and a
// distance from the nipple as a fraction of the radius; nothing when its position is not known.
struct Placement {
  double angle_degrees = 0;
  double radius_fraction = 0;
  bool depth_known = true;  // without a depth, a dashed spoke marks the clock direction only
};

std::optional<Placement> placement_of(const ReviewFinding& finding) {
  if (finding.laterality != "right" && finding.laterality != "left") return std::nullopt;
  const bool right = finding.laterality == "right";
  if (finding.region == "subareolar" || finding.region == "central") return Placement{0, 0, true};
  if (finding.region == "axillary-tail" || finding.region == "axilla") {
    // Upper outer, towards the axilla: 10:30 on the right breast, 1:30 on the left.
    return Placement{right ? 315.0 : 45.0, finding.region == "axilla" ? 1.28 : 1.12, true};
  }
  if (!finding.clock) return std::nullopt;
  const double angle = *finding.clock % 12 * 30.0;
  if (finding.depth == "anterior") return Placement{angle, 0.3, true};
  if (finding.depth == "middle") return Placement{angle, 0.6, true};
  if (finding.depth == "posterior") return Placement{angle, 0.87, true};
  return Placement{angle, 1.12, false};
}

struct Point {
  double x;
  double y;
};

Point point_at(double centre_x, double angle_degrees, double radius) {
  constexpr double kPi = 3.14159265358979323846;
  const double radians = angle_degrees * kPi / 180.0;
  return {centre_x + radius * std::sin(radians),
          BreastDiagram::kCentreY - radius * std::cos(radians)};
}

void svg_text(pugi::xml_node svg, const Point& at, const std::string& text, const char* style) {
  pugi::xml_node node = element(svg, "text", text);
  attribute(node, "x", number(at.x));
  attribute(node, "y", number(at.y));
  attribute(node, "text-anchor", "middle");
  attribute(node, "dominant-baseline", "central");
  attribute(node, "style", style);
}

void draw_breast(pugi::xml_node svg, double centre_x, const char* label) {
  const double radius = BreastDiagram::kRadius;
  pugi::xml_node outline = element(svg, "circle");
  attribute(outline, "cx", number(centre_x));
  attribute(outline, "cy", number(BreastDiagram::kCentreY));
  attribute(outline, "r", number(radius));
  attribute(outline, "style", "fill:#f7f4f2;stroke:#555;stroke-width:2");
  for (int hour = 1; hour <= 12; ++hour) {
    const Point inner = point_at(centre_x, hour * 30.0, radius * 0.93);
    const Point outer = point_at(centre_x, hour * 30.0, radius);
    pugi::xml_node tick = element(svg, "line");
    attribute(tick, "x1", number(inner.x));
    attribute(tick, "y1", number(inner.y));
    attribute(tick, "x2", number(outer.x));
    attribute(tick, "y2", number(outer.y));
    attribute(tick, "style", "stroke:#555;stroke-width:2");
    if (hour % 3 == 0) {
      svg_text(svg, point_at(centre_x, hour * 30.0, radius + 14), std::to_string(hour),
               "font:12px sans-serif;fill:#555");
    }
  }
  pugi::xml_node nipple = element(svg, "circle");
  attribute(nipple, "cx", number(centre_x));
  attribute(nipple, "cy", number(BreastDiagram::kCentreY));
  attribute(nipple, "r", "6");
  attribute(nipple, "style", std::string("fill:") + kNippleColour);
  svg_text(svg, {centre_x, BreastDiagram::kCentreY + radius + 34}, label,
           "font:bold 14px sans-serif;fill:#222");
}

void draw_marker(pugi::xml_node svg, const Point& at, int number_shown,
                 Classification classification) {
  pugi::xml_node disc = element(svg, "circle");
  attribute(disc, "cx", number(at.x));
  attribute(disc, "cy", number(at.y));
  attribute(disc, "r", "13");
  attribute(disc, "style",
            std::string("fill:") + colour_of(classification) + ";stroke:#fff;stroke-width:2");
  svg_text(svg, at, std::to_string(number_shown), "font:bold 13px sans-serif;fill:#fff");
}

// Draws the findings that have a position; returns the numbers of those that have none.
std::vector<std::size_t> draw_diagram(pugi::xml_node parent, const ReviewExam& exam) {
  pugi::xml_node svg = element(parent, "svg");
  attribute(svg, "xmlns", "http://www.w3.org/2000/svg");
  attribute(svg, "width", number(BreastDiagram::kWidth));
  attribute(svg, "height", number(BreastDiagram::kHeight));
  attribute(svg, "viewBox",
            "0 0 " + number(BreastDiagram::kWidth) + " " + number(BreastDiagram::kHeight));
  attribute(svg, "role", "img");
  element(svg, "title",
          "Both breasts as seen facing the patient, with the clock face; findings numbered as in "
          "the table");
  svg_text(svg, {BreastDiagram::kWidth / 2, 18}, "As seen facing the patient (clock face)",
           "font:13px sans-serif;fill:#555");
  draw_breast(svg, BreastDiagram::kRightCentreX, "RIGHT breast");
  draw_breast(svg, BreastDiagram::kLeftCentreX, "LEFT breast");

  std::vector<std::size_t> unplaced;
  std::vector<Point> drawn;
  for (std::size_t i = 0; i < exam.findings.size(); ++i) {
    const ReviewFinding& finding = exam.findings[i];
    const std::optional<Placement> placement = placement_of(finding);
    if (!placement) {
      unplaced.push_back(i);
      continue;
    }
    const double centre_x =
        finding.laterality == "right" ? BreastDiagram::kRightCentreX : BreastDiagram::kLeftCentreX;
    if (!placement->depth_known) {
      const Point rim = point_at(centre_x, placement->angle_degrees, BreastDiagram::kRadius);
      pugi::xml_node spoke = element(svg, "line");
      attribute(spoke, "x1", number(centre_x));
      attribute(spoke, "y1", number(BreastDiagram::kCentreY));
      attribute(spoke, "x2", number(rim.x));
      attribute(spoke, "y2", number(rim.y));
      attribute(spoke, "style",
                std::string("stroke:") + colour_of(finding.classification) +
                    ";stroke-width:2;stroke-dasharray:6 5");
    }
    Point at = point_at(centre_x, placement->angle_degrees,
                        placement->radius_fraction * BreastDiagram::kRadius);
    // Findings at the same place stand side by side rather than on top of each other.
    for (const Point& other : drawn) {
      if (std::hypot(other.x - at.x, other.y - at.y) < 26) at.x += 28;
    }
    drawn.push_back(at);
    draw_marker(svg, at, static_cast<int>(i + 1), finding.classification);
  }
  return unplaced;
}

void text_badge(pugi::xml_node parent, const ReviewFinding& finding);

void write_legend(pugi::xml_node parent, const ReviewExam& exam) {
  pugi::xml_node legend = element(parent, "p");
  attribute(legend, "class", "legend");
  legend.append_child(pugi::node_pcdata).set_value("Colours:");
  for (const Classification classification :
       {Classification::Suspicious, Classification::KnownMalignancy, Classification::ProbablyBenign,
        Classification::Benign, Classification::Indeterminate}) {
    badge(legend, classification_words(classification), classification);
  }
  element(legend, "br");
  legend.append_child(pugi::node_pcdata)
      .set_value(
          "A dashed line: clock position known, depth not recorded (the number sits "
          "outside the breast on that line).");
  const auto from_text = std::find_if(exam.findings.begin(), exam.findings.end(),
                                      [](const ReviewFinding& f) { return f.from_text; });
  if (from_text != exam.findings.end()) {
    element(legend, "br");
    ReviewFinding affirmed = *from_text;
    affirmed.text_status = "affirmed";
    text_badge(legend, affirmed);
    legend.append_child(pugi::node_pcdata)
        .set_value(
            " read from the report's text, not from coded content: the sentences it was read "
            "from are quoted under it; check them against the report.");
  }
}

void write_header(pugi::xml_node section, const ReviewExam& exam, bool redact) {
  std::string title = "Exam " + (exam.accession_number.empty() ? std::string("(no accession)")
                                                               : exam.accession_number);
  if (!exam.study_date.empty()) title += ", study date " + study_date_words(exam.study_date);
  element(section, "h1", title);
  pugi::xml_node table = element(section, "table");
  attribute(table, "class", "header");
  const auto row = [&](const char* name, const std::string& value) {
    pugi::xml_node tr = element(table, "tr");
    element(tr, "th", name);
    element(tr, "td", value);
  };
  if (exam.written_by_mammocalc) row("Origin", kOwnResultWords);
  if (exam.has_patient && !redact && !exam.patient_name.empty()) {
    row("Patient", exam.patient_name + ", ID " + exam.patient_id + ", " + exam.patient_sex + ", " +
                       exam.patient_age);
  }
  row("Study", exam.study_instance_uid);
  row("Source", exam.source_file);
  row("Rule set", exam.ruleset_version + " (mammocalc " + exam.tool_version + ")");
}

// The badge of a finding read from the report's text, with its status when not affirmed.
void text_badge(pugi::xml_node parent, const ReviewFinding& finding) {
  if (!finding.from_text) return;
  pugi::xml_node span = element(parent, "span", text_marker_words(finding));
  attribute(span, "class", "from-text");
  attribute(span, "title", "read from the report's text, not from coded content: check the quote");
}

// A quote of the report text: the section it stands in, then its words (escaped as any text).
void quote_line(pugi::xml_node parent, const std::string& section, const std::string& text) {
  pugi::xml_node line = element(parent, "div");
  attribute(line, "class", "quote");
  element(line, "span", sentence_label(section) + ": ")
      .append_attribute("class")
      .set_value("section");
  element(line, "q", text);
}

// What the report's text states (row E6) and the mentions that gave no finding.
void write_report_text(pugi::xml_node section, const ReviewExam& exam) {
  const std::vector<const ReviewMention*> mentions = mentions_without_finding(exam);
  if (exam.stated_assessments.empty() && exam.stated_follow_ups.empty() && mentions.empty()) {
    return;
  }
  element(section, "h2", "Report text");
  if (!exam.stated_assessments.empty() || !exam.stated_follow_ups.empty()) {
    pugi::xml_node list = element(section, "ul");
    for (const ReviewStated& stated : exam.stated_assessments) {
      pugi::xml_node item = element(list, "li",
                                    "Report text states: BI-RADS " + stated.category +
                                        stated_breast_words(stated) + " \u2014 ");
      element(item, "q", stated.quote);
    }
    for (const ReviewStated& stated : exam.stated_follow_ups) {
      pugi::xml_node item = element(list, "li",
                                    "Report text recommends: " + stated_follow_up_words(stated) +
                                        stated_breast_words(stated) + " \u2014 ");
      element(item, "q", stated.quote);
    }
  }
  if (!mentions.empty()) {
    element(section, "h3", read_text_heading(exam));
    pugi::xml_node list = element(section, "ul");
    attribute(list, "class", "readtext");
    for (const ReviewMention* mention : mentions) {
      pugi::xml_node item = element(list, "li", mention_words(*mention) + ": ");
      element(item, "q", mention->sentence);
    }
  }
}

void write_findings_table(pugi::xml_node section, const ReviewExam& exam) {
  element(section, "h2", "Findings");
  if (exam.findings.empty()) {
    element(section, "p", exam.statement.empty() ? "No calcification finding." : exam.statement);
    return;
  }
  pugi::xml_node table = element(section, "table");
  attribute(table, "class", "findings");
  pugi::xml_node head = element(element(table, "thead"), "tr");
  for (const char* name : {"No.", "Breast", "Position", "Site", "Morphology, distribution",
                           "Assessment", "Recommendation", "Warnings"}) {
    element(head, "th", name);
  }
  pugi::xml_node body = element(table, "tbody");
  for (std::size_t i = 0; i < exam.findings.size(); ++i) {
    const ReviewFinding& finding = exam.findings[i];
    pugi::xml_node tr = element(body, "tr");
    badge(element(tr, "td"), std::to_string(i + 1), finding.classification);
    pugi::xml_node breast = element(tr, "td", finding.laterality + " (" + finding.id + ") ");
    text_badge(breast, finding);
    element(tr, "td", location_words(finding));
    element(tr, "td", site_words(finding));
    element(tr, "td", features_words(finding));
    pugi::xml_node assessment = element(tr, "td");
    badge(assessment, "BI-RADS " + finding.category, finding.classification);
    assessment.append_child(pugi::node_pcdata)
        .set_value(xml_safe_text(" " + classification_words(finding.classification) +
                                 reported_words(exam, finding) + review_words(finding))
                       .c_str());
    const std::string reported = reported_follow_up_words(exam, finding);
    element(tr, "td",
            recommendation_words(finding) + (reported.empty() ? "" : " (" + reported + ")"));
    pugi::xml_node warnings = element(tr, "td");
    for (const ReviewWarning& warning : finding.warnings) {
      pugi::xml_node line = element(warnings, "div", warning.code + ": " + warning.text);
      attribute(line, "class", "warning");
    }
    if (const std::vector<const ReviewMention*> restating = mentions_restating(exam, finding);
        !restating.empty()) {
      pugi::xml_node quotes = element(element(body, "tr"), "td");
      attribute(quotes, "colspan", "8");
      element(quotes, "div", "Restated in the report text (" + finding.id + "):");
      for (const ReviewMention* mention : restating) {
        quote_line(quotes, mention->section, mention->sentence);
      }
    }
    if (finding.from_text) {
      // The words the finding was read from, under it across the table.
      pugi::xml_node quotes = element(element(body, "tr"), "td");
      attribute(quotes, "colspan", "8");
      element(quotes, "div", "Read from the report text (" + finding.id + "):");
      for (const ReviewSentence& sentence : finding.sentences) {
        quote_line(quotes, sentence.section, sentence.text);
      }
      if (!finding.quotes.empty()) {
        pugi::xml_node words = element(quotes, "div", "Words read: ");
        attribute(words, "class", "words");
        for (std::size_t q = 0; q < finding.quotes.size(); ++q) {
          const ReviewQuote& quote = finding.quotes[q];
          words.append_child(pugi::node_pcdata)
              .set_value(
                  xml_safe_text((q == 0 ? "" : "; ") + quote.field + " " + quote.value + " from ")
                      .c_str());
          element(words, "q", quote.words);
        }
      }
    }
  }
}

void write_rule_table(pugi::xml_node section, const std::vector<ReviewRule>& rules) {
  pugi::xml_node table = element(section, "table");
  attribute(table, "class", "trace");
  pugi::xml_node head = element(table, "tr");
  for (const char* name : {"Rule", "Stage", "Rule says", "Outcome", "Source"}) {
    element(head, "th", name);
  }
  for (const ReviewRule& rule : rules) {
    pugi::xml_node tr = element(table, "tr");
    element(tr, "td", rule.id);
    element(tr, "td", rule.stage);
    element(tr, "td", rule.title);
    element(tr, "td", rule.outcome);
    element(tr, "td", rule.citation);
  }
}

void write_trace(pugi::xml_node section, const ReviewExam& exam) {
  if (exam.findings.empty() && exam.trace.empty()) return;
  element(section, "h2", "Rule trace");
  for (std::size_t i = 0; i < exam.findings.size(); ++i) {
    const ReviewFinding& finding = exam.findings[i];
    pugi::xml_node heading = element(section, "h3");
    badge(heading, std::to_string(i + 1), finding.classification);
    heading.append_child(pugi::node_pcdata)
        .set_value(
            xml_safe_text(" " + finding.id + ", " + finding.laterality + " breast ").c_str());
    text_badge(heading, finding);
    write_rule_table(section, finding.trace);
  }
  if (!exam.trace.empty()) {
    element(section, "h3", "The exam");
    write_rule_table(section, exam.trace);
  }
}

void write_exam(pugi::xml_node body, const ReviewExam& exam, bool redact) {
  pugi::xml_node section = element(body, "section");
  attribute(section, "class", "exam");
  write_header(section, exam, redact);
  pugi::xml_node picture = element(section, "div");
  attribute(picture, "class", "picture");
  const std::vector<std::size_t> unplaced = draw_diagram(picture, exam);
  pugi::xml_node aside = element(picture, "div");
  attribute(aside, "class", "unplaced");
  element(aside, "h2", "Not on the diagram");
  if (unplaced.empty()) {
    element(aside, "p", "Every finding has a position and is drawn.");
  } else {
    element(aside, "p", "Position not recorded well enough to draw; never placed by guess:");
    pugi::xml_node list = element(aside, "ul");
    for (std::size_t i : unplaced) {
      const ReviewFinding& finding = exam.findings[i];
      pugi::xml_node item = element(list, "li");
      badge(item, std::to_string(i + 1), finding.classification);
      item.append_child(pugi::node_pcdata)
          .set_value(xml_safe_text(" " + finding.id + ", " + finding.laterality +
                                   " breast: " + location_words(finding))
                         .c_str());
      if (finding.from_text) {
        item.append_child(pugi::node_pcdata).set_value(" ");
        text_badge(item, finding);
      }
    }
  }
  write_legend(section, exam);
  write_findings_table(section, exam);
  std::string verdict = "Verdict: ";
  verdict += exam.category.empty()
                 ? std::string("no BI-RADS category")
                 : "BI-RADS " + exam.category + " " + classification_words(*exam.classification);
  const std::string actions = verdict_actions_words(exam);
  if (!actions.empty()) verdict += " → " + actions;
  const std::string review = exam_review_words(exam);
  if (!review.empty()) verdict += "; " + review;
  pugi::xml_node verdict_line = element(section, "p", verdict);
  attribute(verdict_line, "class", "verdict");
  attribute(verdict_line, "style",
            std::string("color:") +
                colour_of(exam.classification.value_or(Classification::Indeterminate)));
  write_report_text(section, exam);
  for (const ReviewWarning& warning : exam.warnings) {
    pugi::xml_node line = element(section, "p", warning.code + ": " + warning.text);
    attribute(line, "class", "warning");
  }
  write_trace(section, exam);
}

// An HTML document: the doctype, then <html> with head (charset, title, style) and body.
pugi::xml_node start_page(pugi::xml_document& document, const std::string& title,
                          const std::string& naming = "") {
  document.append_child(pugi::node_doctype).set_value("html");
  pugi::xml_node html = element(document, "html");
  attribute(html, "lang", "en");
  pugi::xml_node head = element(html, "head");
  attribute(element(head, "meta"), "charset", "utf-8");
  if (!naming.empty()) {
    // As the summary's root says it: a page names the patient unless pseudonymised, so no run
    // of another naming writes beside it either (hostile review 46, H46-10).
    pugi::xml_node meta = element(head, "meta");
    attribute(meta, "name", kPageNamingMeta);
    attribute(meta, "content", naming);
  }
  element(head, "title", title);
  element(head, "style", kStyle);
  pugi::xml_node body = element(html, "body");
  return body;
}

std::string saved(const pugi::xml_document& document) {
  std::ostringstream out;
  // Empty elements written open and closed: HTML parsers ignore "/>" on <div/> and the like.
  document.save(
      out, "  ",
      pugi::format_indent | pugi::format_no_declaration | pugi::format_no_empty_element_tags,
      pugi::encoding_utf8);
  return out.str();
}

void bar_chart(pugi::xml_node parent, const std::string& title,
               const std::map<std::string, int>& counts) {
  element(parent, "h2", title);
  if (counts.empty()) {
    element(parent, "p", "None.");
    return;
  }
  int largest = 1;
  for (const auto& [key, count] : counts) largest = std::max(largest, count);
  constexpr double kRow = 22;
  constexpr double kLabel = 150;
  constexpr double kBar = 300;
  pugi::xml_node svg = element(parent, "svg");
  attribute(svg, "xmlns", "http://www.w3.org/2000/svg");
  attribute(svg, "width", number(kLabel + kBar + 60));
  attribute(svg, "height", number(kRow * static_cast<double>(counts.size()) + 4));
  element(svg, "title", title);
  double y = 2;
  for (const auto& [key, count] : counts) {
    pugi::xml_node label = element(svg, "text", key);
    attribute(label, "x", number(kLabel - 8));
    attribute(label, "y", number(y + kRow / 2));
    attribute(label, "text-anchor", "end");
    attribute(label, "dominant-baseline", "central");
    attribute(label, "style", "font:12px sans-serif");
    pugi::xml_node bar = element(svg, "rect");
    attribute(bar, "x", number(kLabel));
    attribute(bar, "y", number(y + 3));
    attribute(bar, "width", number(kBar * count / largest));
    attribute(bar, "height", number(kRow - 6));
    attribute(bar, "style", "fill:#4c72b0");
    pugi::xml_node value = element(svg, "text", std::to_string(count));
    attribute(value, "x", number(kLabel + kBar * count / largest + 6));
    attribute(value, "y", number(y + kRow / 2));
    attribute(value, "dominant-baseline", "central");
    attribute(value, "style", "font:12px sans-serif");
    y += kRow;
  }
}

// What a person reads for a reason inputs were skipped for; the index.xml code beside it.
std::string skip_reason_words(ErrorCode code) {
  std::string name(to_string(code));
  switch (code) {
    case ErrorCode::NotDicom:
      return "not DICOM files (" + name + ")";
    case ErrorCode::DicomDirectory:
      return "DICOMDIR files (" + name + ")";
    case ErrorCode::UnsupportedSopClass:
      return "DICOM objects that are no SR, such as images (" + name + ")";
    case ErrorCode::OtherSrDocument:
      return "other SR documents, such as dose reports and key objects (" + name + ")";
    case ErrorCode::NotBreastImaging:
      return "SRs that are no breast-imaging report (" + name + ")";
    case ErrorCode::OwnSummary:
      return "SRs written by mammocalc (" + name + ")";
    case ErrorCode::SymlinkLoop:
      return "symlink loops (" + name + ")";
    case ErrorCode::HiddenFile:
      return "hidden files (" + name + ")";
    default:
      return name;
  }
}

// What index.xml says of an input whose exam another input of the batch read too (sameExamAs,
// inRollup): the other input's name, and for a later copy that the roll-up counts it once, by
// the first. Empty for an exam read once.
std::string same_exam_words(const IndexEntry& entry) {
  if (entry.same_exam_as.empty()) return std::string();
  return "; the same exam as " + entry.same_exam_as +
         (entry.in_rollup ? std::string() : "; not counted in the roll-up (counted by the other)");
}

// The counts of a batch: inputs, summarised, skipped (per reason) and failed.
void batch_counts(pugi::xml_node body, const IndexCounts& counts) {
  element(body, "h2", "Inputs");
  pugi::xml_node list = element(body, "ul");
  element(list, "li", "Inputs: " + std::to_string(counts.inputs));
  element(list, "li", "Summarised: " + std::to_string(counts.summarised));
  pugi::xml_node skipped = element(list, "li", "Skipped: " + std::to_string(counts.skipped));
  if (!counts.skipped_by_reason.empty()) {
    pugi::xml_node reasons = element(skipped, "ul");
    for (const auto& [reason, count] : counts.skipped_by_reason) {
      element(reasons, "li", std::to_string(count) + " " + skip_reason_words(reason));
    }
  }
  element(list, "li", "Failed: " + std::to_string(counts.failed));
}

}  // namespace

std::string render_review_page(const std::vector<ReviewExam>& exams, bool redact,
                               const std::string& naming) {
  pugi::xml_document document;
  std::string title = "mammocalc review";
  if (exams.size() == 1 && !exams.front().accession_number.empty()) {
    title += ": exam " + exams.front().accession_number;
  }
  pugi::xml_node body = start_page(document, title, naming);
  pugi::xml_node notice =
      element(body, "p",
              exams.empty() || exams.front().notice.empty()
                  ? std::string("Decision support for radiologist review, not a diagnosis.")
                  : exams.front().notice);
  attribute(notice, "class", "notice");
  for (const ReviewExam& exam : exams) write_exam(body, exam, redact);
  return saved(document);
}

std::string render_batch_index_page(const BatchIndex& index) {
  pugi::xml_document document;
  pugi::xml_node body = start_page(document, "mammocalc batch review");
  pugi::xml_node notice =
      element(body, "p", "Decision support for radiologist review, not a diagnosis.");
  attribute(notice, "class", "notice");
  element(body, "h1",
          "Batch roll-up: " + std::to_string(index.rollup.exams) + " exams, " +
              std::to_string(index.rollup.findings) + " findings");
  batch_counts(body, index.counts);
  // The exams first: an exam's category is also its report's (an overall 5, a mass in its
  // text), which the findings' charts cannot show (hostile review 50, H50-6).
  bar_chart(body, "Exams per BI-RADS category", index.rollup.exam_categories);
  element(
      body, "p",
      "Exams counted: " + std::to_string(index.rollup.exams) +
          "; exams needing radiologist review: " +
          std::to_string(index.rollup.exams_needing_review) +
          "; exams with a discordant assessment: " + std::to_string(index.rollup.exams_discordant));
  bar_chart(body, "Findings per BI-RADS category", index.rollup.categories);
  bar_chart(body, "Findings per biopsy type", index.rollup.biopsy_types);
  element(
      body, "p",
      "Discordant assessments: " + std::to_string(index.rollup.discordant) +
          "; findings needing radiologist review: " + std::to_string(index.rollup.needs_review) +
          "; findings read from report text (each needs radiologist review): " +
          std::to_string(index.rollup.narrative_findings) +
          (index.rollup.same_exam_conflicts > 0
               ? "; exams read twice with different results under one UID (their findings "
                 "counted as needing radiologist review): " +
                     std::to_string(index.rollup.same_exam_conflicts)
               : std::string()));
  element(body, "h2", "Exams");
  pugi::xml_node table = element(body, "table");
  pugi::xml_node head = element(table, "tr");
  for (const char* name : {"Input", "Accession", "Status", "Category", "Classification", "Findings",
                           "From report text", "Review", "Page"}) {
    element(head, "th", name);
  }
  // Paths, errors naming them and page names are long words: they wrap anywhere (td.path) so that
  // the page fits 1200 px; the other cells keep their words whole.
  for (const IndexEntry& entry : index.entries) {
    pugi::xml_node tr = element(table, "tr");
    attribute(element(tr, "td", entry.input), "class", "path");
    element(tr, "td", entry.accession_number);
    attribute(element(tr, "td",
                      std::string(to_string(entry.status)) +
                          (entry.error.empty() ? std::string() : ": " + entry.error) +
                          same_exam_words(entry)),
              "class", "path");
    // A failed entry has no result, whatever a first reading said (review 43, R43-4).
    const bool summarised = entry.status == EntryStatus::Summarised;
    element(tr, "td", summarised && entry.category ? std::string(to_string(*entry.category)) : "");
    pugi::xml_node classification = element(tr, "td");
    if (summarised && entry.classification) {
      badge(classification, classification_words(*entry.classification), *entry.classification);
    }
    element(tr, "td",
            entry.status == EntryStatus::Summarised ? std::to_string(entry.findings) : "");
    element(
        tr, "td",
        entry.status == EntryStatus::Summarised ? std::to_string(entry.narrative_findings) : "");
    pugi::xml_node review = element(tr, "td", entry.needs_review ? "needs radiologist review" : "");
    // A block of its own (a <br> would be written <br></br>, which HTML reads as two breaks).
    if (entry.same_exam_differs)
      element(review, "div", "another result under the same UID: review");
    pugi::xml_node page = element(tr, "td");
    attribute(page, "class", "path");
    if (entry.status == EntryStatus::Summarised && !entry.output.empty()) {
      pugi::xml_node link = element(page, "a", page_name_for(entry.output));
      attribute(link, "href", page_name_for(entry.output));
    }
  }
  // What index.xml lists of an earlier run's summaries of these exams: the page says it too, so
  // that a reader of the page alone sees another result of an exam is on disk (hostile review 44,
  // H44-5).
  if (!index.leftovers.empty()) {
    element(body, "h2", "Summaries an earlier run left of these exams");
    pugi::xml_node list = element(body, "ul");
    for (const LeftoverSummary& leftover : index.leftovers) {
      pugi::xml_node item = element(list, "li");
      attribute(item, "class", "path");
      pugi::xml_node link = element(item, "a", leftover.summary);
      attribute(link, "href", leftover.summary);
      element(item, "span",
              ": left as it was beside this run's " + leftover.exam_summary +
                  "; it may name inputs this run does not have: review it with that run's "
                  "inputs, or remove it");
    }
  }
  return saved(document);
}

std::string page_name_for(const std::string& summary_name) {
  const std::string stem =
      summary_name.size() > 4 && summary_name.compare(summary_name.size() - 4, 4, ".xml") == 0
          ? summary_name.substr(0, summary_name.size() - 4)
          : summary_name;
  return stem + ".html";
}

}  // namespace mammocalc
