// [SECTION] Shared: session, actor, content, output
// [SECTION] scores import | scores list | surveys import
// [SECTION] motivation
// [SECTION] export xapi
// [SECTION] Registrations
//
// QA scores, customer surveys, the motivation (payroll) export and the xAPI export (DESIGN §4.5,
// §4.6). The CLI acts as admin unless --as names a lead, whose team limits apply (a lead
// importing their own team's scores).
#include "trainer/cli/central_copy.hpp"
#include "trainer/cli/change_cli.hpp"
#include "trainer/cli/cli.hpp"
#include "trainer/cli/session.hpp"

#include "trainer/core/text_policy.hpp"
#include "trainer/cli/private_file.hpp"
#include "trainer/cli/xapi_options.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/content/quality_model.hpp"
#include "trainer/core/paths.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/core/time.hpp"
#include "trainer/i18n/catalog.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/quality/motivation_export.hpp"
#include "trainer/quality/records.hpp"
#include "trainer/quality/scores_import.hpp"
#include "trainer/quality/surveys_import.hpp"
#include "trainer/quality/xapi.hpp"
#include "trainer/store/events.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace trainer::cli {
namespace {

using namespace trainer::quality;

// [SECTION] Shared ------------------------------------------------------------------------------

using change_cli::actor_of;
using change_cli::load_content_or_throw;

int report_issues(Io& io, const std::string& file, const std::vector<csv::Issue>& issues) {
    io.err << file << ": nothing imported; " << issues.size() << " problem"
           << (issues.size() == 1 ? "" : "s") << ":\n";
    for (const auto& i : issues)
        io.err << "  " << csv::to_string(i) << "\n";
    return 1;
}

std::string fmt(double v) {
    std::ostringstream o;
    o << std::fixed << std::setprecision(2) << v;
    return o.str();
}

// Writes to --out (atomically: a temporary file renamed; mode 0600, the exports hold personal
// data) or stdout ("-" or no --out).
void emit(const Args& a, Io& io, const std::string& data) {
    const auto out = a.value("out");
    if (!out || *out == "-") {
        io.out << data;
        return;
    }
    std::filesystem::path tmp;
    const int fd = open_private_file(*out, &tmp);
    write_private_file(*out, data, fd, tmp);
}

// Who exported what, when, and where to: the audit log's "export.*" events.
void audit_export(Session& s, const identity::Actor& actor, const std::string& type,
                  store::Payload details, const Args& a) {
    details.set("actor", actor.label());
    const auto out = a.value("out");
    details.set("destination", out && *out != "-" ? *out : "standard output");
    s.events.append({type, actor.person_id, std::move(details)});
}

// [SECTION] scores import | scores list | surveys import ------------------------------------------

int cmd_scores_import(const Args& a, Io& io) {
    const std::string file = a.arg(0, "the CSV file to import (FILE.csv)");
    const auto mapping_path = a.value("mapping");
    if (!mapping_path) throw UsageError("--mapping MAP.json is required");
    const auto content = load_content_or_throw(a);
    const ScoresMapping mapping = read_scores_mapping(*mapping_path, content.get());
    Session s(a);
    const auto actor = actor_of(a, s.db);
    const auto r = import_scores(s.events, *content, actor, mapping,
                                 csv::read_input(file, a.value("encoding"), io.in));
    if (!r.ok()) return report_issues(io, file, r.issues);
    io.out << file << ": " << r.evaluations << " evaluations in " << r.rows << " rows; "
           << r.imported << " imported, " << r.already_stored << " already stored (unchanged), "
           << r.coaching_assigned << " coaching items assigned\n";
    return 0;
}

int cmd_surveys_import(const Args& a, Io& io) {
    const std::string file = a.arg(0, "the CSV file to import (FILE.csv)");
    const auto mapping_path = a.value("mapping");
    if (!mapping_path) throw UsageError("--mapping MAP.json is required");
    const SurveyMapping mapping = read_survey_mapping(*mapping_path);
    Session s(a);
    const auto r = import_surveys(s.events, actor_of(a, s.db), mapping,
                                  csv::read_input(file, a.value("encoding"), io.in));
    if (!r.ok()) return report_issues(io, file, r.issues);
    io.out << file << ": " << r.rows << " rows; " << r.imported << " answers imported, "
           << r.already_stored << " already stored (unchanged), " << r.without_answer
           << " without any score skipped\n";
    return 0;
}

int cmd_scores_list(const Args& a, Io& io) {
    Session s(a);
    const auto actor = actor_of(a, s.db);
    EvaluationFilter f;
    f.person_id = a.value("person");
    if (auto p = a.value("period")) {
        const auto period = parse_period(*p);
        if (!period) throw UsageError("--period expects YYYY-MM or YYYY-Qn, got '" + *p + "'");
        f.from_date = period->from_date;
        f.until_date = period->until_date;
    }
    if (f.person_id) {
        identity::require_view_person(actor, *f.person_id);
        // A mistyped id would list "0 evaluations" as if the person had none (issue 16 re-test).
        if (!identity::read_person(s.db, *f.person_id))
            throw UsageError("--person: no person with id '" + *f.person_id + "' (see `trainer people list`)");
    }
    nlohmann::json rows = nlohmann::json::array();
    std::vector<Evaluation> shown;
    for (auto& e : list_evaluations(s.db, f))
        if (identity::can_view_person(actor, e.person_id)) shown.push_back(std::move(e));
    if (a.flag("json")) {
        for (const auto& e : shown) {
            auto j = evaluation_payload(e).json();
            j["event_id"] = e.event_id;
            rows.push_back(j);
        }
        io.out << rows.dump(2) << "\n";
        return 0;
    }
    io.out << "date        person          score    scorecard        channel  source            id\n";
    const auto cell = [](const std::string& v) { return text::escape_for_display(v); };
    for (const auto& e : shown)
        io.out << std::left << std::setw(12) << cell(e.date) << std::setw(16) << cell(e.person_id)
               << std::setw(9)
               << (e.score.scored ? fmt(e.score.percent) + (e.score.critical_failed ? "!" : "") : "n/a")
               << std::setw(17) << cell(e.scorecard_id.empty() ? "-" : e.scorecard_id) << std::setw(9)
               << cell(e.channel.empty() ? "-" : e.channel) << std::setw(18) << cell(e.source)
               << cell(e.external_id.empty() ? e.event_id : e.external_id) << "\n";
    io.out << shown.size() << " evaluation" << (shown.size() == 1 ? "" : "s")
           << " (! = a critical criterion failed)\n";
    return 0;
}

// [SECTION] motivation ------------------------------------------------------------------------

int cmd_motivation(const Args& a, Io& io) {
    if (a.flag("central")) return run_on_central_copy(a, io, cmd_motivation);
    const auto content = load_content_or_throw(a);
    const auto config = read_motivation_config(motivation_config_path(a), content.get());
    std::string label;
    if (auto p = a.value("period"))
        label = *p;
    else
        label = org_today(SystemClock()).substr(0, 7);
    auto period = parse_period(label);
    if (!period) throw UsageError("--period expects YYYY-MM or YYYY-Qn, got '" + label + "'");
    if (!a.value("period") && config.period == PeriodKind::Quarter)
        period = period_of(period->from_date, PeriodKind::Quarter);
    const std::string format = a.value("format").value_or("csv");
    if (format != "csv" && format != "json" && format != "xlsx")
        throw UsageError("--format expects csv, json or xlsx");
    if (format == "xlsx" && (!a.value("out") || *a.value("out") == "-"))
        throw UsageError("--format xlsx needs --out FILE.xlsx (a workbook is not text for a terminal)");
    const std::string lang = a.value("lang").value_or("en");
    if (lang != "en" && lang != "pl" && lang != "ru") throw UsageError("--lang expects en, pl or ru");
    const auto catalog = i18n::Catalog::load(default_assets_dir() / "i18n");
    const std::string sep = a.value("sep").value_or(",");
    if (sep != "," && sep != ";" && sep != "\\t" && sep != "\t")
        throw UsageError("--sep expects ',' or ';' (or \\t), got '" + sep + "'");
    Session s(a);
    const auto actor = actor_of(a, s.db);
    const auto report = motivation_report(s.db, s.events, s.clock, *content, config, actor, *period);
    if (format == "json")
        emit(a, io, motivation_json(report, &catalog, lang).dump(2) + "\n");
    else if (format == "xlsx")
        motivation_xlsx(report, *a.value("out"), &catalog, lang);
    else
        emit(a, io, motivation_csv(report, sep == "," ? ',' : sep == ";" ? ';' : '\t', &catalog, lang));
    audit_export(s, actor, "export.motivation",
                 {{"period", period->label}, {"format", format}, {"people", report.rows.size()}}, a);
    if (a.value("out"))
        io.err << "wrote " << report.rows.size() << " agents for " << period->label << " to "
               << *a.value("out") << "\n";
    return 0;
}

// [SECTION] export xapi -----------------------------------------------------------------------

int cmd_export_xapi(const Args& a, Io& io) {
    const auto since = since_option(a, true);
    const std::string since_text = *a.value("since");
    const XapiOptions o = xapi_options(a);
    std::shared_ptr<const content::ContentSet> content;
    const content::LoadResult r = content::load_content(content_dir(a));
    content = r.content; // titles only; without content, ids stand in for names
    Session s(a);
    const auto statements = export_statements(s.events, content.get(), *since, o);
    emit(a, io, statements.dump(2) + "\n");
    audit_export(s, identity::cli_admin(), "export.xapi",
                 {{"since", since_text}, {"statements", statements.size()}}, a);
    if (a.value("out"))
        io.err << "wrote " << statements.size() << " xAPI statements to " << *a.value("out") << "\n";
    return 0;
}

// [SECTION] Registrations ---------------------------------------------------------------------

const Registration kScoresImport{
    {"scores import", "trainer scores import FILE.csv|- --mapping MAP.json [--encoding E] [--as LEAD]",
     "import QA evaluations from a QA tool's CSV export (all or nothing, idempotent)",
     {{"mapping", true}, {"as", true}, {"encoding", true}}, cmd_scores_import, 1}};
const Registration kScoresList{
    {"scores list", "trainer scores list [--person P] [--period YYYY-MM] [--json] [--as PERSON]",
     "list stored QA evaluations",
     {{"person", true}, {"period", true}, {"json", false}, {"as", true}}, cmd_scores_list, 0}};
const Registration kSurveysImport{
    {"surveys import", "trainer surveys import FILE.csv|- --mapping MAP.json [--encoding E] [--as LEAD]",
     "import CSAT/NPS/CES survey answers from a CSV export (all or nothing, idempotent)",
     {{"mapping", true}, {"as", true}, {"encoding", true}}, cmd_surveys_import, 1}};
const Registration kMotivation{
    {"motivation",
     "trainer motivation [--period YYYY-MM] [--format csv|json|xlsx] [--sep ';'] [--lang en|pl|ru] "
     "[--out FILE|-] [--config FILE] [--as LEAD] [--central]",
     "the motivation index per agent and team for payroll (CSV with BOM, or JSON)",
     {{"period", true}, {"format", true}, {"sep", true}, {"out", true}, {"config", true}, {"as", true},
      {"lang", true}, {"central", false}},
     cmd_motivation, 0}};
const Registration kExportXapi{
    {"export xapi", "trainer export xapi --since DATE [--out FILE|-] [--home-page URL] [--actor opaque|external_id|email]",
     "learning records as xAPI 1.0.3 statements (JSON array)",
     {{"since", true}, {"out", true}, {"home-page", true}, {"config", true}, {"actor", true}}, cmd_export_xapi, 0}};

} // namespace
} // namespace trainer::cli
