// [SECTION] Demo content and people
// [SECTION] Simulated agents: reviews, check-ins, completions
// [SECTION] The day loop
#include "trainer/dashboard/demo_seed.hpp"

#include "trainer/identity/access.hpp"

#include "trainer/cards/review_config.hpp"
#include "trainer/cards/review_service.hpp"
#include "trainer/change/checkin.hpp"
#include "trainer/change/maturity.hpp"
#include "trainer/change/projection.hpp"
#include "trainer/change/rollouts.hpp"
#include "trainer/core/time.hpp"
#include "trainer/fsrs/scheduler.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <stdexcept>

namespace trainer::dashboard {

// [SECTION] Demo content and people -------------------------------------------------------------

std::shared_ptr<const content::ContentSet> demo_content(const content::ContentSet& base, int cards) {
    auto set = std::make_shared<content::ContentSet>(base);
    const std::size_t n_base = base.cards.size();
    if (n_base == 0) return set;
    for (int i = static_cast<int>(n_base); i < cards; ++i) {
        content::Card c = base.cards[static_cast<std::size_t>(i) % n_base];
        char id[32];
        std::snprintf(id, sizeof id, "demo-card-%03d", i + 1);
        c.id = id;
        c.version = 1;
        c.tags = {"demo"};
        for (auto& d : set->decks)
            if (d.id == c.deck_id) d.card_ids.push_back(c.id);
        set->card_index.emplace(c.id, set->cards.size());
        set->cards.push_back(std::move(c));
    }
    return set;
}

namespace {

constexpr const char* kFirst[] = {"Anna", "Piotr", "Olga", "James", "Maria", "Ivan", "Emily", "Tomasz",
                                  "Natalia", "Oliver", "Zofia", "Sergei", "Chloe", "Marek", "Irina", "Jacob"};
constexpr const char* kLast[] = {"Nowak", "Ivanova", "Smith", "Kowalski", "Petrov", "Brown", "Wójcik", "Sokolova",
                                 "Taylor", "Lewandowska", "Kuznetsov", "Wilson", "Zielińska", "Morozov", "Evans"};
constexpr const char* kLocale[] = {"pl", "ru", "en"};

struct Sim {
    std::string id;
    double skill = 0.9;     // how often a due card is recalled, relative to FSRS's estimate
    int start_phase = 0;    // where the person starts in the change
    int days_per_phase = 60;
    int checkin_weekday = 0;
    int start_minute = 0;   // when the daily session starts after 08:00
    std::vector<int> module_days; // day offsets of module completions
    std::vector<fsrs::Card> cards;
    std::vector<bool> learned;
};

store::Payload card_json(const fsrs::Card& c) {
    return {{"state", fsrs::state_name(c.state)}, {"stability", c.stability},
            {"difficulty", c.difficulty},         {"due_ms", c.due},
            {"scheduled_days", c.scheduled_days}, {"learning_steps", c.learning_steps},
            {"reps", c.reps},                     {"lapses", c.lapses}};
}

// Dimension levels an answer set aims at in each phase (awareness, acceptance, practice, ownership).
constexpr int kAim[4][4] = {{2, 3, 2, 2}, {4, 2, 3, 2}, {4, 4, 3, 3}, {5, 4, 5, 5}};

std::map<std::string, int> answers_for(const content::ChangeContent& c, int phase, std::mt19937& rng) {
    std::map<std::string, int> out;
    std::uniform_real_distribution<double> u(0, 1);
    for (const auto& st : c.pulse) {
        int v = kAim[phase][static_cast<int>(st.dimension)];
        const double r = u(rng);
        if (r < 0.15) v -= 1;
        else if (r < 0.3) v += 1;
        v = std::clamp(v, 1, 5);
        out[st.id] = st.reverse ? 6 - v : v;
    }
    return out;
}

std::string ensure_demo_team(store::Database& db, store::EventStore& events, const DemoOptions& o,
                             std::vector<Sim>& sims, std::mt19937& rng) {
    identity::PeopleService people(db, events);
    const identity::Actor admin = identity::cli_admin();
    if (!identity::read_person(db, "demo.lead")) {
        identity::NewPerson lead{"demo.lead", "Dana Lead", identity::Role::Lead, "en", {"Demo Team"}};
        people.add(admin, lead);
    }
    std::string team = "demo-team";
    {
        auto st = db.prepare("SELECT team_id FROM team_leads WHERE person_id = 'demo.lead' LIMIT 1");
        if (st.step()) team = st.text(0);
    }
    for (int i = 0; i < o.agents; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "demo-agent-%04d", i + 1);
        Sim s;
        s.id = id;
        if (!identity::read_person(db, id)) {
            const std::size_t f = rng() % std::size(kFirst), l = rng() % std::size(kLast);
            identity::NewPerson p{id, std::string(kFirst[f]) + " " + kLast[l] + " " + std::to_string(i + 1),
                                  identity::Role::Agent, kLocale[i % 3], {"Demo Team"}};
            people.add(admin, p);
        }
        sims.push_back(std::move(s));
    }
    return team;
}

} // namespace

// [SECTION] Simulated agents ----------------------------------------------------------------------

namespace {

struct World {
    store::Database& db;
    store::EventStore& events; // on the simulated clock
    FixedClock& clock;
    const content::ContentSet& content;
    const DemoOptions& o;
    fsrs::Scheduler scheduler;
    store::Projection reviews = cards::review_projection();
    change::CheckinService checkins;
    std::mt19937 rng;
    DemoResult result;
    content::Rollout rollout;
    std::vector<const content::Card*> learn; // the rollout's cards, in content order
};

void session(World& w, Sim& s, std::int64_t day) {
    std::uniform_real_distribution<double> u(0, 1);
    if (u(w.rng) < 0.05) return; // off sick, on leave, a busy day
    TimeMs t = day * kMsPerDay + (8 * 60 + s.start_minute) * kMsPerMinute;
    // A small set is not drilled every day: at most a fifth of it per session (200 cards: 40).
    const int per_day = std::min(w.o.reviews_per_day, std::max(5, static_cast<int>(s.cards.size()) / 5));
    const int target = std::max(1, per_day - 5 + static_cast<int>(w.rng() % 11));
    std::vector<std::size_t> due, fresh, practice;
    for (std::size_t i = 0; i < s.cards.size(); ++i) {
        if (!s.learned[i]) {
            if (static_cast<int>(fresh.size()) < w.o.new_cards_per_day) fresh.push_back(i);
        } else if (s.cards[i].due <= t) {
            due.push_back(i);
        } else {
            practice.push_back(i);
        }
    }
    std::sort(due.begin(), due.end(), [&](std::size_t a, std::size_t b) { return s.cards[a].due < s.cards[b].due; });
    std::vector<std::size_t> plan = due;
    plan.insert(plan.end(), fresh.begin(), fresh.end());
    if (static_cast<int>(plan.size()) < target && !practice.empty()) {
        // Practice of the weakest: the lowest retrievability first (stability / days elapsed).
        std::vector<std::pair<double, std::size_t>> weak;
        for (std::size_t i : practice) weak.emplace_back(w.scheduler.retrievability(s.cards[i], t), i);
        const std::size_t k = std::min(weak.size(), static_cast<std::size_t>(target) - plan.size());
        std::partial_sort(weak.begin(), weak.begin() + static_cast<long>(k), weak.end());
        for (std::size_t j = 0; j < k; ++j) plan.push_back(weak[j].second);
    }
    if (static_cast<int>(plan.size()) > target) plan.resize(static_cast<std::size_t>(target));
    for (std::size_t i : plan) {
        const fsrs::Card before = s.learned[i] ? s.cards[i] : fsrs::new_card(t);
        const double recall = s.learned[i] ? w.scheduler.retrievability(before, t) * s.skill : 0.55 * s.skill;
        const double r = u(w.rng);
        fsrs::Rating rating = fsrs::Rating::Again;
        if (r < recall) {
            const double g = u(w.rng);
            rating = g < 0.12 ? fsrs::Rating::Hard : g < 0.9 ? fsrs::Rating::Good : fsrs::Rating::Easy;
        }
        const fsrs::Card after = w.scheduler.review(before, t, rating);
        store::Payload b = card_json(before);
        if (before.last_review)
            b.set("last_review_ms", *before.last_review);
        else
            b.set("last_review_ms", nullptr);
        const store::Event e = w.events.append(
            {cards::kCardReviewed, s.id,
             {{"card", w.learn[i]->id}, {"card_version", w.learn[i]->version}, {"rating", static_cast<int>(rating)},
              {"before", b}, {"after", card_json(after)}, {"due", format_iso_ms(after.due)},
              {"elapsed_days", fsrs::Scheduler::elapsed_days(before, t)}},
             {}, t});
        w.reviews.apply(w.db, e); // the same projection `trainer rebuild` runs
        s.cards[i] = after;
        s.learned[i] = true;
        ++w.result.reviews;
        t += 40'000 + static_cast<TimeMs>(w.rng() % 60'000);
    }
}

void change_events(World& w, Sim& s, std::int64_t day, std::int64_t start, const identity::Actor* lead) {
    if (!w.content.change || day < start) return;
    const std::int64_t since = day - start;
    const int phase = std::min(3, s.start_phase + static_cast<int>(since / s.days_per_phase));
    const TimeMs t = day * kMsPerDay + (12 * 60 + s.start_minute) * kMsPerMinute;
    w.clock.set(t);
    if (((day % 7) + 7) % 7 == s.checkin_weekday) {
        identity::Actor self{s.id, identity::Role::Agent};
        w.checkins.check_in(self, s.id, w.rollout.id, answers_for(*w.content.change, phase, w.rng));
        ++w.result.checkins;
    }
    // Only a lead of the agent's own team assesses them (the rollout may span several teams).
    if (lead && identity::can_view_person(*lead, s.id) && since % 28 == s.checkin_weekday + 3 &&
        w.rng() % 3 == 0) {
        w.clock.set(t + 3 * 60 * kMsPerMinute);
        const int seen = std::clamp(phase + static_cast<int>(w.rng() % 3) - 1, 0, 3);
        w.checkins.assess(*lead, s.id, w.rollout.id, static_cast<content::Phase>(seen), "observed on calls this week");
        ++w.result.assessments;
    }
    for (std::size_t k = 0; k < s.module_days.size() && k < w.rollout.modules.size(); ++k)
        if (since == s.module_days[k]) {
            const store::Event e = w.events.append(
                {change::kModuleCompleted, s.id, {{"module", w.rollout.modules[k]}, {"version", 1}, {"passed", true}}, {}, t});
            change::apply_change_event(w.db, e);
            ++w.result.completions;
        }
}

} // namespace

// [SECTION] The day loop --------------------------------------------------------------------------

DemoResult seed_demo_history(store::Database& db, store::EventStore& events, const Clock& clock,
                             const content::ContentSet& content, const DemoOptions& o) {
    if (o.agents < 0 || o.agents > 5000) throw std::invalid_argument("--agents must be 0 to 5000");
    if (o.days < 1 || o.days > 1000) throw std::invalid_argument("--days must be 1 to 1000");
    if (o.reviews_per_day < 1 || o.reviews_per_day > 200) throw std::invalid_argument("reviews per day must be 1 to 200");
    if (content.cards.empty()) throw std::invalid_argument("the content has no cards to learn");
    // The history ends yesterday: no session lies in the future of the clock's now.
    const std::int64_t today = utc_day(clock.now_ms()) - 1, first = today - o.days + 1;
    FixedClock sim(first * kMsPerDay + 7 * 60 * kMsPerMinute);
    store::EventStore sim_events(db, sim, events.kiosk_id());
    World w{db, sim_events, sim, content, o, fsrs::Scheduler(cards::ReviewConfig{}.fsrs_parameters()),
            cards::review_projection(), change::CheckinService(sim_events, sim, content), std::mt19937(o.seed)};
    std::vector<Sim> sims;
    const identity::Actor admin = identity::cli_admin();
    if (o.agents > 0) {
        w.result.team_id = ensure_demo_team(db, sim_events, o, sims, w.rng);
        content::Rollout r;
        r.id = "demo-rollout";
        r.title = {{"en", "Demo rollout"}, {"pl", "Wdrożenie demonstracyjne"}, {"ru", "Демонстрационное внедрение"}};
        for (const auto& c : content.cards) r.cards.push_back(c.id);
        r.modules = o.modules;
        r.teams = {w.result.team_id};
        r.start_date = format_date(first * kMsPerDay);
        r.target_date = format_date((today + 60) * kMsPerDay);
        w.rollout = change::define_rollout(sim_events, admin, content, r);
    } else {
        for (const auto& r : change::list_rollouts(db, content)) {
            auto st = db.prepare("SELECT p.id FROM team_members m JOIN people p ON p.id = m.person_id "
                                 "WHERE m.team_id = ?1 AND p.active = 1 AND p.role = 'agent' ORDER BY p.id");
            for (const auto& team : r.teams) {
                st.bind(1, team);
                while (st.step()) sims.push_back(Sim{st.text(0)});
                st.reset();
            }
            if (!sims.empty()) {
                w.rollout = r;
                w.result.team_id = r.teams.front();
                break;
            }
        }
        if (sims.empty()) throw std::invalid_argument("no rollout team has active agents: run `trainer demo create` first");
    }
    w.result.rollout_id = w.rollout.id;
    std::optional<identity::Actor> lead;
    {
        auto st = db.prepare("SELECT person_id FROM team_leads WHERE team_id = ?1 ORDER BY person_id LIMIT 1");
        st.bind(1, w.result.team_id);
        if (st.step()) lead = identity::actor_for(db, st.text(0));
    }
    // Only the rollout's cards are learned: the dashboard counts mastery over them.
    for (const auto& c : content.cards)
        if (std::find(w.rollout.cards.begin(), w.rollout.cards.end(), c.id) != w.rollout.cards.end())
            w.learn.push_back(&c);
    std::uniform_real_distribution<double> u(0, 1);
    for (std::size_t a = 0; a < sims.size(); ++a) {
        Sim& s = sims[a];
        s.skill = 0.8 + 0.2 * u(w.rng);
        s.start_phase = static_cast<int>(w.rng() % 3);
        s.days_per_phase = 25 + static_cast<int>(w.rng() % 60);
        s.checkin_weekday = static_cast<int>(a % 5);
        s.start_minute = static_cast<int>(w.rng() % 480);
        for (std::size_t k = 0; k < w.rollout.modules.size(); ++k)
            s.module_days.push_back(static_cast<int>(3 + k * 7 + w.rng() % 10));
        s.cards.assign(w.learn.size(), fsrs::Card{});
        s.learned.assign(w.learn.size(), false);
    }
    const std::int64_t start = std::max(first, change::start_day(w.rollout));
    // Millions of random-UUID index inserts: a large page cache keeps them off the disk until commit.
    db.exec("PRAGMA cache_size = -262144"); // 256 MiB, this connection only
    for (std::int64_t day = first; day <= today; ++day) {
        store::Transaction tx(db);
        for (auto& s : sims) {
            session(w, s, day);
            change_events(w, s, day, start, lead ? &*lead : nullptr);
        }
        // A monthly maturity self-check by the lead, slowly improving.
        if (lead && content.change && (day - first) % 30 == 0) {
            std::map<std::string, int> answers;
            const int level = static_cast<int>(std::min<std::int64_t>(2, 1 + (day - first) / 120));
            for (const auto& q : content.change->maturity)
                answers[q.id] = std::clamp(level - 1 + static_cast<int>(w.rng() % 3), 0, 2);
            sim.set(day * kMsPerDay + 16 * 60 * kMsPerMinute);
            change::record_maturity(sim_events, *lead, content, w.result.team_id, format_date(day * kMsPerDay), answers);
            ++w.result.maturity_checks;
        }
        tx.commit();
        if (o.progress) o.progress(static_cast<int>(day - first + 1), o.days);
    }
    w.result.agents = static_cast<int>(sims.size());
    w.result.cards = static_cast<int>(w.learn.size());
    return w.result;
}

} // namespace trainer::dashboard
