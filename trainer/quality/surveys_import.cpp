#include "trainer/quality/surveys_import.hpp"
#include "trainer/quality/mapping_reader.hpp"

#include "trainer/core/record_date.hpp"

#include "trainer/core/text_policy.hpp"

#include "trainer/quality/records.hpp"


#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace trainer::quality {

namespace {

struct Scale {
    const char* field;
    int min, max;
};
constexpr Scale kScales[] = {{"csat", 1, 5}, {"nps", 0, 10}, {"ces", 1, 7}};

} // namespace

SurveyMapping read_survey_mapping(const std::filesystem::path& path) {
    MappingReader r(path);
    SurveyMapping m;
    m.base = r.base({"response_id", "agent", "date"}, {"csat", "nps", "ces"},
                    {"tool", "columns", "na_values", "date_format", "description"});
    if (r.has("columns") && !m.base.columns.count("csat") &&
        !m.base.columns.count("nps") && !m.base.columns.count("ces"))
        r.error("/columns", "name at least one score column: csat, nps or ces");
    r.finish();
    return m;
}

SurveyImportResult import_surveys(store::EventStore& events, const identity::Actor& actor,
                                  const SurveyMapping& m, const csv::Table& table) {
    require_may_import(actor, "survey answers");
    SurveyImportResult res;
    res.rows = table.rows.size();
    IssueList out{table, table.issues};
    const csv::Columns cols(table.header);
    std::map<std::string, std::optional<std::size_t>> f;
    for (const auto& [field, header] : m.base.columns) {
        f[field] = cols.find(header);
        if (!f[field])
            out.header(header, "the mapping names column '" + header + "' for " + field +
                                   ", but the file has no such column");
    }
    if (out.issues.size() > table.issues.size()) { // no row can be read without its columns
        res.issues = std::move(out.issues);
        return res;
    }
    const PersonMatcher people(events.db());
    std::map<std::string, std::size_t> seen; // response id → row
    std::vector<SurveyAnswer> answers;
    for (const csv::Row& row : table.rows) {
        if (row.fields.size() != table.header.size()) continue; // already reported by the reader
        auto value = [&](const std::string& field) -> std::string {
            auto it = f.find(field);
            if (it == f.end() || !it->second || *it->second >= row.fields.size()) return "";
            return trim(row.fields[*it->second]);
        };
        const std::size_t before = out.issues.size();
        SurveyAnswer a;
        a.external_id = value("response_id");
        if (a.external_id.empty())
            out.add(row, f["response_id"], "empty response id");
        else if (auto e = text::problem(a.external_id, text::Kind::Id))
            out.add(row, f["response_id"], "response id: " + *e);
        else if (auto [it, fresh] = seen.emplace(a.external_id, row.row); !fresh)
            out.add(row, f["response_id"], "response '" + a.external_id +
                                               "' already appears in row " + std::to_string(it->second));
        const std::string agent = value("agent");
        if (auto p = people.match(agent); !p)
            out.add(row, f["agent"], "unknown person '" + agent +
                                         "': nobody has this external id or e-mail");
        else if (!may_import_for(actor, *p))
            out.add(row, f["agent"], "'" + agent + "' (" + *p + ") is outside the teams " +
                                         actor.label() + " leads");
        else
            a.person_id = *p;
        const std::string raw_date = value("date");
        if (auto d = parse_tool_date(raw_date, m.base.date_format)) {
            a.date = *d;
            if (auto e = record_date_problem(*d, events.clock().now_ms())) out.add(row, f["date"], *e);
        } else
            out.add(row, f["date"], "date '" + raw_date + "' does not parse as " +
                                        date_format_name(m.base.date_format));
        for (const Scale& s : kScales) {
            if (!m.base.columns.count(s.field)) continue;
            const std::string raw = value(s.field);
            if (raw.empty() || is_na(m.base, raw)) continue;
            const auto v = parse_decimal(raw);
            if (auto sep = thousands_separator_problem(raw)) {
                out.add(row, f[s.field], std::string(s.field) + " " + *sep);
                continue;
            }
            if (!v || *v != std::floor(*v) || *v < s.min || *v > s.max) {
                out.add(row, f[s.field], std::string(s.field) + " '" + raw + "' is not a whole number from " +
                                             std::to_string(s.min) + " to " + std::to_string(s.max));
                continue;
            }
            const int n = static_cast<int>(*v);
            if (std::string_view(s.field) == "csat") a.csat = n;
            if (std::string_view(s.field) == "nps") a.nps = n;
            if (std::string_view(s.field) == "ces") a.ces = n;
        }
        if (out.issues.size() != before) continue;
        if (!a.csat && !a.nps && !a.ces) {
            ++res.without_answer;
            continue;
        }
        answers.push_back(std::move(a));
    }
    if (!out.issues.empty()) {
        std::stable_sort(out.issues.begin(), out.issues.end(),
                         [](const csv::Issue& x, const csv::Issue& y) { return x.row < y.row; });
        res.issues = std::move(out.issues);
        return res;
    }
    store::Transaction tx(events.db());
    for (SurveyAnswer& a : answers) {
        a.event_id = "survey:" + m.base.tool + ":" + a.external_id;
        a.source = "import:" + m.base.tool;
        if (store_survey_answer(events, a, actor.person_id))
            ++res.imported;
        else
            ++res.already_stored;
    }
    tx.commit();
    return res;
}

SurveyImportResult import_surveys_file(store::EventStore& events, const identity::Actor& actor,
                                       const SurveyMapping& mapping,
                                       const std::filesystem::path& csv_file) {
    return import_surveys(events, actor, mapping, csv::read_file(csv_file));
}

} // namespace trainer::quality
