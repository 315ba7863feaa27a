#include "trainer/change/rollouts.hpp"

#include "trainer/change/projection.hpp"
#include "trainer/content/adopted_content.hpp"
#include "trainer/content/deck_parser.hpp"
#include "trainer/core/text_policy.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>

namespace trainer::change {

namespace {

std::vector<std::string> strings(const std::string& json_text) {
    std::vector<std::string> out;
    for (const auto& v : store::Payload::parse(json_text).elements())
        if (auto text = v.as_string()) out.push_back(std::move(*text));
    return out;
}

content::Rollout from_row(const store::Statement& st) {
    content::Rollout r;
    r.id = st.text(0);
    for (const auto& [loc, text] : store::Payload::parse(st.text(1)).items())
        if (auto t = text.as_string()) r.title.emplace(loc, std::move(*t));
    r.cards = strings(st.text(2));
    r.modules = strings(st.text(3));
    r.teams = strings(st.text(4));
    r.start_date = st.text(5);
    r.target_date = st.text(6);
    return r;
}

constexpr const char* kSelect =
    "SELECT id, title, cards, modules, teams, start_date, target_date FROM change_rollouts";

// A content rollout as the organisation adopted it (content/adopted_content.hpp): the adopted
// definition wins over this folder's, so every desk agrees on its cards, modules and teams.
std::vector<content::Rollout> adopted_rollouts(store::Database& db, const content::ContentSet& content) {
    auto adopted = content::adopted_content(db).rollouts;
    std::vector<content::Rollout> out;
    if (content.change)
        for (const auto& r : content.change->rollouts) {
            const auto it = adopted.find(r.id);
            out.push_back(it == adopted.end() ? r : std::move(it->second.rollout));
            if (it != adopted.end()) adopted.erase(it);
        }
    // Adopted on another desk, missing from this folder: still a rollout here.
    std::vector<content::Rollout> elsewhere;
    for (auto& [id, a] : adopted) elsewhere.push_back(std::move(a.rollout));
    std::sort(elsewhere.begin(), elsewhere.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    out.insert(out.end(), std::make_move_iterator(elsewhere.begin()), std::make_move_iterator(elsewhere.end()));
    return out;
}

// Whether one of the first n rollouts (those of the content) has this id.
bool is_content_rollout(const std::vector<content::Rollout>& rollouts, std::size_t n, const std::string& id) {
    const auto end = rollouts.begin() + static_cast<std::ptrdiff_t>(n);
    return std::any_of(rollouts.begin(), end, [&](const content::Rollout& r) { return r.id == id; });
}

} // namespace

std::vector<content::Rollout> list_rollouts(store::Database& db, const content::ContentSet& content) {
    std::vector<content::Rollout> out = adopted_rollouts(db, content);
    const std::size_t from_content = out.size();
    auto st = db.prepare(std::string(kSelect) + " ORDER BY id");
    while (st.step()) {
        auto r = from_row(st);
        if (!is_content_rollout(out, from_content, r.id))
            out.push_back(std::move(r));
    }
    return out;
}

std::optional<content::Rollout> find_rollout(store::Database& db, const content::ContentSet& content,
                                             const std::string& id) {
    for (auto& r : adopted_rollouts(db, content))
        if (r.id == id) return std::move(r);
    auto st = db.prepare(std::string(kSelect) + " WHERE id = ?1");
    st.bind(1, id);
    if (st.step()) return from_row(st);
    return std::nullopt;
}

content::Rollout require_rollout(store::Database& db, const content::ContentSet& content, const std::string& id) {
    if (auto r = find_rollout(db, content, id)) return *r;
    std::string known;
    for (const auto& r : list_rollouts(db, content)) known += (known.empty() ? "" : ", ") + r.id;
    throw RolloutError("no rollout '" + id + "'; known rollouts: " + (known.empty() ? "(none)" : known));
}

std::vector<content::Rollout> rollouts_of_team(store::Database& db, const content::ContentSet& content,
                                               const std::string& team_id) {
    std::vector<content::Rollout> out;
    for (auto& r : list_rollouts(db, content))
        if (std::find(r.teams.begin(), r.teams.end(), team_id) != r.teams.end()) out.push_back(std::move(r));
    return out;
}

content::Rollout define_rollout(store::EventStore& events, const identity::Actor& actor,
                                const content::ContentSet& content, content::Rollout r) {
    identity::require_admin(actor, "define a rollout");
    store::Database& db = events.db();
    std::vector<std::string> problems;
    // What the admin typed is echoed escaped: a line break or a terminal escape in an argument
    // must not forge a line of the report (issue 16, text policy).
    const auto shown = [](const std::string& v) { return text::escape_for_display(v); };
    if (!content::is_valid_id(r.id)) problems.push_back("rollout id '" + shown(r.id) + "' is not [a-z0-9-]+");
    if ((content.change && content.change->find_rollout(r.id)) || content::adopted_content(db).rollouts.count(r.id))
        problems.push_back("rollout '" + shown(r.id) + "' is defined in the content; change it there");
    if (r.title.count("en") == 0 || r.title.at("en").empty()) problems.push_back("an English title is required");
    if (r.cards.empty()) problems.push_back("a rollout needs at least one card");
    for (const auto& c : r.cards)
        if (!content.find_card(c)) problems.push_back("card '" + shown(c) + "' is not in the content");
    for (const auto& m : r.modules)
        if (!content::is_valid_id(m)) problems.push_back("module id '" + shown(m) + "' is not [a-z0-9-]+");
    if (r.teams.empty()) problems.push_back("a rollout needs at least one team");
    for (const auto& t : r.teams) {
        auto st = db.prepare("SELECT 1 FROM teams WHERE id = ?1");
        st.bind(1, t);
        if (!st.step()) problems.push_back("team '" + shown(t) + "' does not exist");
    }
    const auto start = parse_date(r.start_date), target = parse_date(r.target_date);
    if (!start || r.start_date.size() != 10) problems.push_back("start date '" + shown(r.start_date) + "' is not YYYY-MM-DD");
    if (!target || r.target_date.size() != 10) problems.push_back("target date '" + shown(r.target_date) + "' is not YYYY-MM-DD");
    if (start && target && *target < *start)
        problems.push_back("target date " + r.target_date + " is before the start date " + r.start_date);
    if (!problems.empty()) {
        std::string all = "the rollout was not defined:";
        for (const auto& p : problems) all += "\n  " + p;
        throw RolloutError(all);
    }
    store::Transaction tx(db);
    const store::Event e = events.append({kRolloutDefined, actor.person_id,
                                          {{"id", r.id}, {"title", r.title}, {"cards", r.cards},
                                           {"modules", r.modules}, {"teams", r.teams},
                                           {"start", r.start_date}, {"target", r.target_date}}});
    apply_change_event(db, e);
    tx.commit();
    return r;
}

std::int64_t start_day(const content::Rollout& r) { return utc_day(parse_date(r.start_date).value_or(0)); }
std::int64_t target_day(const content::Rollout& r) { return utc_day(parse_date(r.target_date).value_or(0)); }

} // namespace trainer::change
