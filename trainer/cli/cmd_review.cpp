// trainer review queue PERSON [--json] | review grade PERSON CARD RATING | mastery PERSON [--json]
// The same ReviewService as the kiosk's review screen; the CLI acts as admin.
#include "trainer/cards/review_service.hpp"
#include "trainer/cli/cli.hpp"
#include "trainer/content/adoption.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/core/json_parse.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/core/read_all.hpp"
#include "trainer/core/time.hpp"
#include "trainer/i18n/format.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

namespace trainer::cli {
namespace {

// Everything a review command needs, opened once.
struct Session {
    store::Database db;
    SystemClock clock;
    std::shared_ptr<const content::ContentSet> content;
    std::unique_ptr<store::EventStore> events;
    std::unique_ptr<cards::ReviewService> service;
};

cards::ReviewConfig config_of(const Args& a) {
    const auto path = a.value("config");
    if (!path) return {};
    std::ifstream in(*path, std::ios::binary);
    if (!in) throw UsageError("cannot read the review config file '" + *path + "' given to --config");
    nlohmann::json j;
    if (const auto problem = parse_json(read_all(in), j))
        throw std::runtime_error(*path +
                                 (problem->kind == JsonProblem::Kind::Syntax ? ": not valid JSON: "
                                                                             : ": a number is out of range: ") +
                                 problem->what);
    std::vector<std::string> errors;
    auto config = cards::from_json(j, &errors);
    if (!errors.empty()) {
        std::string all = *path + ": the review config was refused:";
        for (const auto& e : errors) all += "\n  " + e;
        throw std::runtime_error(all);
    }
    return config;
}

std::unique_ptr<Session> open_session(const Args& a) {
    const auto config = config_of(a);
    const auto dir = content_dir(a);
    const content::LoadResult loaded = content::load_content(dir);
    if (!loaded.ok()) {
        std::string all = "content in " + dir.string() + " was refused (" +
                          std::to_string(loaded.error_count()) + " errors):";
        for (const auto& d : loaded.diagnostics) all += "\n  " + d.to_string();
        throw std::runtime_error(all);
    }
    auto s = std::unique_ptr<Session>(new Session{open_db(a), {}, loaded.content, nullptr, nullptr});
    s->events = std::make_unique<store::EventStore>(s->db, s->clock, store::kiosk_id_of(s->db));
    s->service = std::make_unique<cards::ReviewService>(s->db, *s->events, s->clock, *s->content, config);
    // The same step as a kiosk start: a folder with new card versions is adopted once (after the
    // service found its tables, so a damaged database is refused before anything is written).
    content::adopt_content(*s->events, *s->content, content::AdoptionSource::Load);
    return s;
}

std::string fixed(double v, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

nlohmann::json due_json(const std::optional<TimeMs>& due) {
    return due ? nlohmann::json(format_iso_ms(*due)) : nlohmann::json();
}

int cmd_queue(const Args& a, Io& io) {
    const std::string& person = a.arg(0, "the person whose queue to show (PERSON)");
    auto s = open_session(a);
    const auto queue = s->service->due_queue(person);
    if (a.flag("json")) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& q : queue)
            out.push_back({{"card", q.card_id},
                           {"kind", cards::queue_kind_name(q.kind)},
                           {"retrievability", q.retrievability},
                           {"state", fsrs::state_name(q.state)},
                           {"due", due_json(q.due_ms)},
                           {"refreshed", q.refreshed},
                           {"reason", q.reason},
                           {"source", q.source}});
        io.out << out.dump(2) << "\n";
        return 0;
    }
    if (queue.empty()) io.out << "nothing to review for " << person << " right now\n";
    for (const auto& q : queue) {
        io.out << cards::queue_kind_name(q.kind) << "\t" << q.card_id << "\tR=" << fixed(q.retrievability, 3);
        if (q.due_ms) io.out << "\tdue " << i18n::format_date_time(*q.due_ms, "en", organisation_zone());
        if (q.refreshed) io.out << "\trefreshed standard";
        if (!q.reason.empty()) io.out << "\t" << q.reason;
        io.out << "\n";
    }
    return 0;
}

fsrs::Rating parse_rating(const std::string& text) {
    for (int r = 1; r <= 4; ++r) {
        const auto rating = static_cast<fsrs::Rating>(r);
        std::string name = cards::rating_name(rating);
        std::string lower;
        for (char c : text) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        name[0] = static_cast<char>(name[0] - 'A' + 'a');
        if (text == std::to_string(r) || lower == name) return rating;
    }
    throw UsageError("RATING must be 1-4 (or again, hard, good, easy), got '" + text + "'");
}

int cmd_grade(const Args& a, Io& io) {
    const std::string& person = a.arg(0, "the person who reviewed (PERSON)");
    const std::string& card = a.arg(1, "the card id (CARD)");
    const fsrs::Rating rating = parse_rating(a.arg(2, "the rating 1-4 (RATING)"));
    auto s = open_session(a);
    const auto r = s->service->grade(person, card, rating);
    io.out << "graded " << card << " " << cards::rating_name(rating) << " for " << person << ": "
           << fsrs::state_name(r.after.state) << ", next due " << i18n::format_date_time(r.after.due, "en", organisation_zone()) << " (in "
           << r.interval_minutes << " min)" << (r.coaching_cleared ? "; coaching item cleared" : "") << "\n";
    return 0;
}

int cmd_mastery(const Args& a, Io& io) {
    const std::string& person = a.arg(0, "the person (PERSON)");
    auto s = open_session(a);
    const auto actor = identity::cli_admin();
    const auto cards_m = s->service->mastery(actor, person);
    const auto sum = s->service->mastery_summary(actor, person);
    if (a.flag("json")) {
        auto list = nlohmann::ordered_json::array();
        for (const auto& m : cards_m)
            list.push_back({{"card", m.card_id},
                            {"deck", m.deck_id},
                            {"version", m.card_version},
                            {"state", fsrs::state_name(m.state)},
                            {"retrievability", m.retrievability},
                            {"successful_reviews", m.successful_reviews},
                            {"mastered", m.mastered},
                            {"due", due_json(m.due_ms)}});
        nlohmann::ordered_json out = {{"person", person},   {"mastered", sum.mastered},
                                      {"total", sum.total}, {"percent", sum.percent},
                                      {"cards", list}};
        io.out << out.dump(2) << "\n";
        return 0;
    }
    for (const auto& m : cards_m)
        io.out << (m.mastered ? "mastered" : "-") << "\t" << m.card_id << "\t" << fsrs::state_name(m.state)
               << "\tR=" << fixed(m.retrievability, 3) << "\tsuccesses=" << m.successful_reviews << "\n";
    io.out << person << ": " << sum.mastered << " of " << sum.total << " standards mastered ("
           << fixed(sum.percent, 1) << "%)\n";
    return 0;
}

const Registration kQueue{{"review queue", "trainer review queue PERSON [--json] [--config FILE]",
                           "what PERSON would review now: coaching items, due cards (most at risk first), new cards",
                           {{"json", false}, {"config", true}}, cmd_queue, 1}};
const Registration kGrade{{"review grade", "trainer review grade PERSON CARD RATING [--config FILE]",
                           "record a review (RATING 1-4: again, hard, good, easy) as a durable event",
                           {{"config", true}}, cmd_grade, 3}};
const Registration kMastery{{"mastery", "trainer mastery PERSON [--json]",
                             "which standards PERSON has mastered (R >= 0.9 and a successful review)",
                             {{"json", false}, {"config", true}}, cmd_mastery, 1}};

} // namespace
} // namespace trainer::cli
