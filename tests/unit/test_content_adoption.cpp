// Issue 12 §1: content adoption is an event. Which version of a card is current comes from the
// history (content.adopted, projected into adopted_versions), not from the folder a device loaded,
// so devices with the same events agree on what is due and mastered (docs/merging.md
// "Content adoption").
#include "adoption_desk.hpp"
#include "card_content.hpp"
#include "support.hpp"

#include "trainer/app/projections.hpp"
#include "trainer/cards/review_service.hpp"
#include "trainer/content/adoption.hpp"
#include "trainer/content/library.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/events.hpp"
#include "trainer/sync/exchange.hpp"
#include "trainer/sync/rebuild_check.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <memory>

using namespace trainer;
using content::AdoptionSource;
using fsrs::Rating;

namespace {

constexpr TimeMs kT0 = test::kAdoptionT0;
constexpr TimeMs kMinute = kMsPerMinute;
constexpr TimeMs kHour = 60 * kMinute;

content::ContentSet make_content(const std::vector<std::pair<std::string, int>>& cards) {
    return test::make_card_content(cards);
}

sync::WireEvent person_added(const std::string& id, TimeMs at) {
    return {"add-" + id, "org-a", "admin", at, "person.added", "root",
            nlohmann::json{{"person", id}, {"display_name", "Person " + id}, {"role", "agent"}, {"locale", "en"}}.dump()};
}

// One desk: its own database and clock, the shared roster, a content folder of its own.
struct Device : test::AdoptionDesk {
    std::unique_ptr<cards::ReviewService> service;

    Device(std::string device, content::ContentSet folder)
        : AdoptionDesk(std::move(device), std::move(folder),
                       {person_added("ann", kT0 - 10 * kHour), person_added("bob", kT0 - 10 * kHour)}) {
        service = std::make_unique<cards::ReviewService>(db, *events, clock, content, cards::ReviewConfig{});
    }
    // What a kiosk start does with a validated folder.
    content::Adoption start() { return content::adopt_content(*events, content, AdoptionSource::Load); }
    std::int64_t adoptions() {
        auto st = db.prepare("SELECT count(*) FROM events WHERE type = 'content.adopted'");
        st.step();
        return st.int64(0);
    }
    // What a person sees: the queue (card, kind, refreshed) and mastery (card, version, mastered).
    std::string view(const std::string& person) {
        std::string out;
        for (const auto& q : service->due_queue(person))
            out += q.card_id + ":" + cards::queue_kind_name(q.kind) + (q.refreshed ? "(refreshed)" : "") + " ";
        out += "| ";
        for (const auto& m : service->mastery(identity::cli_admin(), person))
            out += m.card_id + ":v" + std::to_string(m.card_version) + (m.mastered ? ":mastered " : ":open ");
        return out;
    }
    int adopted(const std::string& card) {
        auto st = db.prepare("SELECT version FROM adopted_versions WHERE card = ?1");
        st.bind(1, card);
        return st.step() ? static_cast<int>(st.int64(0)) : 0;
    }
};

} // namespace

TEST_CASE("two devices with different content folders and the same events agree on due and mastery", "[adoption]") {
    Device a("desk-a", make_content({{"c1", 2}, {"c2", 1}})); // its folder already has c1 v2
    Device b("desk-b", make_content({{"c1", 1}, {"c2", 1}})); // still on v1
    REQUIRE(b.start().cards.size() == 2);                    // first start: every card adopted
    b.clock.advance_ms(10 * kMinute);
    b.service->grade("ann", "c1", Rating::Good);
    b.service->grade("ann", "c2", Rating::Good);
    b.service->grade("bob", "c1", Rating::Easy);
    CHECK(b.view("ann").find("c1:v1:mastered") != std::string::npos); // before it hears of v2

    a.clock.advance_ms(kHour);
    const auto adopted_a = a.start();
    REQUIRE(adopted_a.event_id);
    CHECK(adopted_a.cards == std::map<std::string, int>{{"c1", 2}, {"c2", 1}});

    a.receive_from(b);
    b.receive_from(a);
    a.clock.advance_ms(kHour);
    b.clock.set(a.clock.now_ms());
    for (Device* d : {&a, &b}) {
        INFO(d->name);
        CHECK(d->adopted("c1") == 2);
        CHECK(d->view("ann").find("c1:new(refreshed)") != std::string::npos);
        CHECK(d->view("ann").find("c1:v2:open") != std::string::npos);
        CHECK(d->view("ann").find("c2:v1:mastered") != std::string::npos);
        CHECK(d->service->mastery_summary(identity::cli_admin(), "ann").mastered == 1);
        CHECK(sync::check_rebuild(d->db, app::all_projections()).empty());
    }
    CHECK(a.view("ann") == b.view("ann"));
    CHECK(a.view("bob") == b.view("bob"));
    CHECK(a.dump() == b.dump());

    // desk-b starts again on its old folder: it does not step the organisation back to v1.
    CHECK_FALSE(b.start().event_id);
    CHECK(b.adopted("c1") == 2);
}

TEST_CASE("adopting a new version re-queues the card for everyone, once; an admin may step back", "[adoption]") {
    Device d("desk", make_content({{"c1", 1}, {"c2", 1}}));
    d.start();
    d.service->grade("ann", "c1", Rating::Good);
    d.service->grade("bob", "c1", Rating::Good);
    d.clock.advance_ms(kHour);
    CHECK(d.view("ann").find("c1:v1:mastered") != std::string::npos);
    CHECK(d.view("bob").find("c1:v1:mastered") != std::string::npos);

    d.content = make_content({{"c1", 2}, {"c2", 1}}); // the folder gets c1 v2 (the service keeps a reference)
    const auto v2 = d.start();
    CHECK(v2.cards == std::map<std::string, int>{{"c1", 2}});
    CHECK(v2.previous == std::map<std::string, int>{{"c1", 1}});
    for (const std::string person : {"ann", "bob"}) {
        INFO(person);
        const auto q = d.service->due_queue(person);
        REQUIRE_FALSE(q.empty());
        CHECK(q[0].card_id == "c1");
        CHECK(q[0].refreshed);
        CHECK(d.view(person).find("c1:v2:open") != std::string::npos);
    }
    CHECK_FALSE(d.start().event_id); // the same folder again: no second event
    CHECK(d.adoptions() == 2);

    // An admin adopts the old folder on purpose: v1 is current again, the v1 schedules count.
    const auto back = content::adopt_content(*d.events, make_content({{"c1", 1}, {"c2", 1}}), AdoptionSource::Admin);
    CHECK(back.cards == std::map<std::string, int>{{"c1", 1}});
    CHECK(d.adopted("c1") == 1);
    CHECK(d.view("ann").find("c1:v1:mastered") != std::string::npos);
    CHECK(sync::check_rebuild(d.db, app::all_projections()).empty());

    // The projection is the events': a rebuild gives the same rows.
    const std::string before = d.dump();
    store::rebuild(d.db, app::all_projections());
    CHECK(d.dump() == before);
}

TEST_CASE("an adoption arriving late is applied in the total order, not the arrival order", "[adoption]") {
    Device admin_desk("desk-a", make_content({{"c1", 2}, {"c2", 1}}));
    Device new_desk("desk-c", make_content({{"c1", 1}, {"c2", 1}})); // a desk that never heard of v2
    new_desk.clock.advance_ms(kHour);
    new_desk.start(); // adopts v1 at T0+1h
    admin_desk.clock.advance_ms(2 * kHour);
    admin_desk.start(); // adopts v2 at T0+2h

    Device first("desk-r1", make_content({{"c1", 1}, {"c2", 1}}));
    Device second("desk-r2", make_content({{"c1", 1}, {"c2", 1}}));
    first.clock.advance_ms(3 * kHour);
    second.clock.advance_ms(3 * kHour);
    first.receive_from(admin_desk);
    first.receive_from(new_desk); // the earlier adoption arrives last
    second.receive_from(new_desk);
    second.receive_from(admin_desk);
    for (Device* d : {&first, &second}) {
        INFO(d->name);
        CHECK(d->adopted("c1") == 2);
        CHECK(d->adopted("c2") == 1);
        CHECK(sync::check_rebuild(d->db, app::all_projections()).empty());
    }
    CHECK(first.dump() == second.dump());
}

TEST_CASE("a kiosk start records one adoption for a folder, none for the same folder again", "[adoption]") {
    test::TempDir tmp;
    const auto dir = tmp / "content";
    std::filesystem::create_directories(dir);
    std::filesystem::copy(TRAINER_TEST_DATA "/content_good", dir, std::filesystem::copy_options::recursive);
    auto db = store::Database::open_memory();
    FixedClock clock(kT0);
    content::ContentLibrary library(dir, &db, clock);
    const auto& state = library.reload();
    REQUIRE(state.content);
    CHECK(state.adoption_problem.empty());
    clock.advance_ms(kHour);
    content::ContentLibrary(dir, &db, clock).reload();

    auto st = db.prepare("SELECT count(*), max(payload) FROM events WHERE type = 'content.adopted'");
    REQUIRE(st.step());
    CHECK(st.int64(0) == 1);
    auto load = content::load_content(dir);
    REQUIRE(load.ok());
    const auto payload = nlohmann::json::parse(st.text(1));
    CHECK(payload["source"] == "load");
    CHECK(payload["content"] == content::content_identity(*load.content));
    CHECK(payload["cards"].size() == load.content->cards.size());
    CHECK(content::adopted_versions(db).size() == load.content->cards.size());
}
