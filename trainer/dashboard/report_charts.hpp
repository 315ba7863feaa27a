#pragma once
// The rollout report's inline SVG figures (used by report_html.cpp only). Each figure scales to
// the page width (viewBox), keeps its labels visible without hover (printed reports have none),
// and uses the Okabe-Ito palette, safe for colour-blind readers.
#include "trainer/dashboard/report.hpp"

#include <string>
#include <string_view>

namespace trainer::dashboard::report_svg {

// Texts the figures print, in the report's language.
struct ChartTexts {
    std::string no_data, not_started, learning, mastered, no_phase;
    std::string evaluations[3]; // after a number: one, few, many (en: one, other, other)
    std::string phase[4];
    std::string band[3]; // alarm, work to do, satisfactory
};

std::string escape(std::string_view s);
// At most `max_chars` characters, cut at a word boundary with "…" when longer.
std::string shorten(std::string_view text, std::size_t max_chars);

std::string mastery_bars(const TeamOverview& o, std::string_view locale, const ChartTexts& t);
// Rows: people; columns: standards with their titles written above (vertical), decks marked.
std::string heatmap(const Heatmap& h, const content::ContentSet& content, std::string_view locale, const ChartTexts& t);
std::string phase_bars(const PhaseDistribution& d, std::string_view locale, const ChartTexts& t);
std::string maturity_line(const std::vector<MaturityPoint>& m, std::string_view locale, const ChartTexts& t);
// The dashed line at `pass_mark` (%); a bar is blue when its period passes, else orange.
std::string qa_bars(const std::vector<QaPeriod>& periods, double pass_mark, std::string_view locale, const ChartTexts& t);
// An HTML legend (never clipped, wraps on narrow pages): colour, text.
std::string legend(const std::vector<std::pair<std::string, std::string>>& items);

} // namespace trainer::dashboard::report_svg
