// trainer report rollout --team T [--rollout R] --format csv|json|html [--out FILE] [--sep ';']
//                        [--since DATE --until DATE] [--lang en|pl|ru] [--as PERSON]
// The dashboard's figures as a file a lead can send; the numbers come from the same service.
#include "trainer/cli/central_copy.hpp"
#include "trainer/cli/change_cli.hpp"
#include "trainer/app/dashboard_hooks.hpp"
#include "trainer/app/report_quality.hpp"
#include "trainer/dashboard/report.hpp"
#include "trainer/store/events.hpp"

#include <iostream>

namespace trainer::cli {
namespace {

int cmd_report_rollout(const Args& a, Io& io) {
    if (a.flag("central")) return run_on_central_copy(a, io, cmd_report_rollout);
    const auto team = a.value("team");
    if (!team || team->empty()) throw UsageError("--team is required (a team id or name)");
    const std::string format = a.value("format").value_or("csv");
    if (format != "csv" && format != "json" && format != "html")
        throw UsageError("--format must be csv, json or html, got '" + format + "'");
    const std::string sep = a.value("sep").value_or(",");
    if (sep.size() != 1 || sep == "\"" || sep == "\n" || sep == "\r")
        throw UsageError("--sep must be one character such as ',' or ';', got '" + sep + "'");
    const std::string lang = a.value("lang").value_or("en");
    if (!content::is_supported_locale(lang)) throw UsageError("--lang must be en, pl or ru, got '" + lang + "'");
    dashboard::DayRange range{change_cli::day_option(a, "since"), change_cli::day_option(a, "until")};
    if (range.since_day && range.until_day && *range.until_day < *range.since_day)
        throw UsageError("the date range is backwards: --until " + *a.value("until") + " is before --since " +
                         *a.value("since"));
    const auto content = change_cli::load_content_or_throw(a);
    auto db = open_db(a);
    const identity::Actor actor = change_cli::actor_of(a, db);
    SystemClock clock;
    store::EventStore events(db, clock, store::kiosk_id_of(db));
    const auto motivation = app::motivation_config_near(content_dir(a), content.get());
    dashboard::DashboardService service(db, clock, *content,
                                        app::dashboard_hooks(db, events, clock, *content, actor, motivation));
    auto report = dashboard::build_report(service, actor, *team, a.value("rollout").value_or(""), range);
    if (format == "html") app::add_quality_section(report, events, clock, *content, actor, motivation);
    std::string text = format == "csv"    ? dashboard::render_csv(report, sep[0])
                       : format == "json" ? dashboard::render_json(report)
                                          : dashboard::render_html(report, *content, lang);
    const auto out = a.value("out");
    if (out && *out != "-") {
        dashboard::write_file_atomically(*out, text);
        io.err << "report written: " << *out << " (" << report.overview.rows.size() << " agents)\n";
    } else {
        io.out << text;
    }
    // Who exported what, when: the audit log.
    events.append({"export.report", actor.person_id,
                   {{"actor", actor.label()}, {"team", *team}, {"format", format},
                    {"agents", report.overview.rows.size()},
                    {"destination", out && *out != "-" ? *out : "standard output"}}});
    return 0;
}

const Registration kReport{{"report rollout",
                            "trainer report rollout --team T [--rollout R] [--format csv|json|html] [--out FILE] "
                            "[--sep ';'] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--lang en|pl|ru] [--as PERSON] [--central]",
                            "a team's rollout figures (the lead dashboard's) as CSV, JSON or a self-contained HTML",
                            {{"team", true}, {"rollout", true}, {"format", true}, {"out", true}, {"sep", true},
                             {"since", true}, {"until", true}, {"lang", true}, {"as", true}, {"central", false}},
                            cmd_report_rollout, 0}};

} // namespace
} // namespace trainer::cli
