// trainer rules complaints [--country CC] [--received YYYY-MM-DD] [--lang en|pl|ru] [--json]
// The complaint deadlines of content/rules/ (content/README.md "Local rules"), with the last day to
// answer when a receipt date is given.
#include "trainer/cli/cli.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/content/rules_model.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace trainer::cli {
namespace {

int cmd_complaints(const Args& a, Io& io) {
    const std::string lang = a.value("lang").value_or(std::string(content::kFallbackLocale));
    if (!content::is_supported_locale(lang))
        throw UsageError("unknown language '" + lang + "' for --lang (expected en, pl or ru)");
    const auto received = a.value("received");
    if (received) {
        content::ComplaintDeadline probe;
        probe.days = 1;
        if (!content::answer_due(probe, *received))
            throw UsageError("--received expects a date YYYY-MM-DD, got '" + *received + "'");
    }
    const auto country = a.value("country");
    const auto dir = content_dir(a);
    const content::LoadResult r = content::load_content(dir);
    if (!r.ok()) {
        for (const auto& d : r.diagnostics)
            io.err << d.to_string() << "\n";
        io.err << "trainer rules: content in " << dir.string() << " was refused (" << r.error_count()
               << " errors)\n";
        return 1;
    }
    std::vector<const content::ComplaintDeadline*> rules;
    if (r.content->rules)
        for (const auto& d : r.content->rules->complaint_deadlines)
            if (!country || d.country == *country) rules.push_back(&d);
    if (a.flag("json")) {
        auto out = nlohmann::ordered_json::array();
        for (const auto* d : rules) {
            nlohmann::ordered_json j = {{"id", d->id},         {"country", d->country},
                                        {"sector", d->sector}, {"days", d->days},
                                        {"silence_accepts", d->silence_accepts},
                                        {"title", content::pick(d->title, lang)},
                                        {"note", content::pick(d->note, lang)},
                                        {"basis", d->basis}};
            if (d->extended_days) j["extended_days"] = *d->extended_days;
            if (received) j["answer_due"] = *content::answer_due(*d, *received);
            out.push_back(std::move(j));
        }
        io.out << out.dump(2) << "\n";
        return 0;
    }
    if (rules.empty()) {
        io.out << "no complaint deadlines" << (country ? " for " + *country : std::string()) << "\n";
        return 0;
    }
    for (const auto* d : rules) {
        io.out << d->id << "  " << d->country << "  " << d->days << " days";
        if (d->extended_days) io.out << " (at most " << *d->extended_days << ")";
        if (received) io.out << "  answer by " << *content::answer_due(*d, *received);
        io.out << "\n  " << content::pick(d->title, lang) << "\n  " << content::pick(d->note, lang)
               << "\n  " << d->basis << "\n";
    }
    return 0;
}

const Registration kComplaints{
    {"rules complaints",
     "trainer rules complaints [--country CC] [--received YYYY-MM-DD] [--lang en|pl|ru] [--json]",
     "the legal deadlines for answering a complaint per country (content/rules), and the last day "
     "to answer one received on a date",
     {{"country", true}, {"received", true}, {"lang", true}, {"json", false}},
     cmd_complaints,
     0}};

} // namespace
} // namespace trainer::cli
