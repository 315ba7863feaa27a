// Issue #16: the classes an outside attack on the inputs found — the text policy and the display
// escape, the audit chain, the PIN key and weak PINs, database files that must not be opened as
// they are, numbers and dates. The malformed inputs themselves are in tests/data/bad.
// [SECTION] Text policy and escaping
// [SECTION] Audit chain
// [SECTION] PINs: weak ones, the organisation's key
// [SECTION] Database files
// [SECTION] Numbers and dates
#include "support.hpp"

#include "trainer/app/projections.hpp"
#include "trainer//core/record_date.hpp"
#include "trainer/core/text_policy.hpp"
#include "trainer/core/time.hpp"
#include "trainer/identity/audit.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/identity/person_data.hpp"
#include "trainer/identity/pin.hpp"
#include "trainer/identity/pin_key.hpp"
#include "trainer/quality/import_common.hpp"
#include "trainer/store/checked_state.hpp"
#include "trainer/store/audit_chain.hpp"
#include "trainer/store/events.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace trainer;
using namespace trainer::identity;
namespace fs = std::filesystem;

namespace {

const TimeMs kNow = *parse_iso_ms("2026-11-20T10:00:00Z");

struct World {
    store::Database db = store::Database::open_memory();
    FixedClock clock{kNow};
    store::EventStore events{db, clock, "kiosk-a"};
    PeopleService people{db, events};
    void add(const std::string& id, const std::string& name) {
        NewPerson p;
        p.id = id;
        p.display_name = name;
        p.role = Role::Agent;
        people.add(cli_admin(), p);
    }
};

// Installs a keyring for one test and removes it after.
struct KeyInstalled {
    explicit KeyInstalled(PinKeyring ring) { install_pin_keyring(std::move(ring)); }
    ~KeyInstalled() { install_pin_keyring(std::nullopt); }
};

PinKeyring ring_with(unsigned char fill) {
    PinKeyring r;
    PinKey k;
    k.bytes.fill(fill);
    r.keys.push_back(k);
    return r;
}

} // namespace

// [SECTION] Text policy and escaping -------------------------------------------------------------

TEST_CASE("ids and names refuse control, direction and invisible-only text; comments allow line breaks") {
    using text::Kind;
    CHECK_FALSE(text::problem("Piotr Wiśniewski", Kind::Name));
    CHECK_FALSE(text::problem("Наталья Иванова", Kind::Name));
    CHECK_FALSE(text::problem("Zoë", Kind::Name)); // a combining mark after a letter is fine
    CHECK(text::problem(std::string("Ann\0e", 5), Kind::Name)->find("U+0000") != std::string::npos);
    CHECK(text::problem("\x1b[31mAnna", Kind::Name)->find("U+001B") != std::string::npos);
    CHECK(text::problem("\xe2\x80\xae" "anna", Kind::Name)->find("U+202E") != std::string::npos);
    CHECK(text::problem("\xcc\x81\xcc\x81", Kind::Name)->find("visible letter") != std::string::npos);
    CHECK(text::problem("a\nb", Kind::Id)->find("a line break") != std::string::npos);
    CHECK_FALSE(text::problem("first line\nsecond line", Kind::MultiLine));
    CHECK_FALSE(text::problem("windows\r\nline", Kind::MultiLine));
    CHECK(text::problem("bare\rreturn", Kind::MultiLine));
    CHECK(text::problem(std::string(1 << 20, 'x'), Kind::MultiLine)->find("10,000 bytes") != std::string::npos);
    CHECK(text::problem("\xff", Kind::Line)->find("not valid UTF-8") != std::string::npos);
}

TEST_CASE("the display escape keeps text on its line and terminal commands inert") {
    CHECK(text::escape_for_display("ok\n2026-01-01  person.erased  by=sarah") ==
          "ok\\n2026-01-01  person.erased  by=sarah");
    CHECK(text::escape_for_display("\x1b[2J") == "\\u{001B}[2J");
    CHECK(text::escape_for_display("\xe2\x80\xae" "abc") == "\\u{202E}abc");
    CHECK(text::escape_for_display("Wiśniewski") == "Wiśniewski");
    CHECK(text::escape_for_display("\xff") == "\\xFF");
}

TEST_CASE("a comment holding a newline cannot forge a line of the audit log") {
    World w;
    w.add("anna", "Anna");
    // An event written by an older build or merged from elsewhere, with a forged line inside.
    w.events.append({"qa.evaluated", "lead",
                     {{"person", "anna"},
                      {"comment", "good call\n2026-11-20T10:00:00.000Z  person.erased  by=sarah.mitchell\x1b[2J"}}});
    const auto entries = list_audit(cli_admin(), w.events);
    REQUIRE_FALSE(entries.empty());
    for (const auto& e : entries) {
        CHECK(e.line.find('\n') == std::string::npos);
        CHECK(e.line.find('\x1b') == std::string::npos);
    }
    CHECK(entries.back().line.find("good call\\n2026-11-20") != std::string::npos);
}

TEST_CASE("people add refuses the same names the import refuses") {
    World w;
    NewPerson p;
    p.id = "bob";
    p.display_name = std::string("Bob\0by", 6);
    CHECK_THROWS_WITH(w.people.add(cli_admin(), p), Catch::Contains("U+0000"));
    p.display_name = "Bob";
    p.teams = {"North\x1b]0;x\x07"};
    CHECK_THROWS_WITH(w.people.add(cli_admin(), p), Catch::Contains("U+001B"));
}

// [SECTION] Audit chain ----------------------------------------------------------------------------

TEST_CASE("the audit chain verifies, and names the first broken link after an edit, a delete or a switched-off guard") {
    World w;
    w.add("anna", "Anna");
    w.add("bob", "Bob");
    w.add("carl", "Carl");
    auto report = store::verify_audit_chain(w.db);
    INFO(report.problems.size());
    REQUIRE(report.ok());
    CHECK(report.entries >= 3);

    SECTION("an edited entry") {
        w.db.exec("INSERT INTO meta (key, value) VALUES ('erase_in_progress', 'x')");
        w.db.exec("UPDATE events SET payload = json_set(payload, '$.name', 'Mallory') "
                  "WHERE seq = (SELECT min(seq) FROM audit_chain)");
        w.db.exec("DELETE FROM meta WHERE key = 'erase_in_progress'");
        report = store::verify_audit_chain(w.db);
        REQUIRE_FALSE(report.ok());
        CHECK_THAT(report.problems.front(), Catch::Contains("first broken link") && Catch::Contains("edited"));
    }
    SECTION("a deleted entry") {
        w.db.exec("INSERT INTO meta (key, value) VALUES ('erase_in_progress', 'x')");
        w.db.exec("DELETE FROM events WHERE seq = (SELECT min(seq) FROM audit_chain)");
        w.db.exec("DELETE FROM audit_chain WHERE seq = (SELECT min(seq) FROM audit_chain)");
        w.db.exec("DELETE FROM meta WHERE key = 'erase_in_progress'");
        report = store::verify_audit_chain(w.db);
        REQUIRE_FALSE(report.ok());
        CHECK_THAT(report.problems.front(), Catch::Contains("deleted or changed"));
    }
    SECTION("the guard switched off through the meta table") {
        w.db.exec("INSERT INTO meta (key, value) VALUES ('erase_in_progress', 'x')");
        report = store::verify_audit_chain(w.db);
        REQUIRE_FALSE(report.ok());
        CHECK_THAT(report.problems.front(), Catch::Contains("guard is switched off"));
    }
    SECTION("an erasure re-chains and the chain stays whole") {
        erase_person(cli_admin(), w.events, "bob", app::all_projections());
        CHECK(store::verify_audit_chain(w.db).ok());
    }
}

TEST_CASE("chains are per device, so events of two kiosks in one file both verify") {
    World w;
    store::EventStore other(w.db, w.clock, "kiosk-b");
    w.add("anna", "Anna");
    other.append({"people.added", "admin", {{"person", "zed"}}});
    w.add("bob", "Bob");
    const auto report = store::verify_audit_chain(w.db);
    CHECK(report.ok());
    auto st = w.db.prepare("SELECT count(DISTINCT kiosk_id) FROM audit_chain");
    st.step();
    CHECK(st.int64(0) == 2);
}

// [SECTION] PINs -----------------------------------------------------------------------------------

TEST_CASE("weak PINs are refused where a PIN is set, with the reason") {
    for (const char* pin : {"0000", "1111", "1234", "4321", "2580", "1212", "1987", "2024", "4747", "01234567"})
        CHECK(weak_pin_reason(pin));
    for (const char* pin : {"4826", "7391", "50817", "2468"}) CHECK_FALSE(weak_pin_reason(pin));
    World w;
    w.add("anna", "Anna");
    CHECK_THROWS_WITH(w.people.set_pin(cli_admin(), "anna", "0000", minimum_pin_cost()),
                      Catch::Contains("repeats one digit"));
    CHECK_NOTHROW(w.people.set_pin(cli_admin(), "anna", "4826", minimum_pin_cost()));
}

TEST_CASE("with the organisation's key a hash does not verify without it, and old hashes are upgraded") {
    const std::string plain = hash_pin("4826", minimum_pin_cost());
    std::string keyed;
    {
        KeyInstalled k(ring_with(7));
        keyed = hash_pin("4826", minimum_pin_cost());
        CHECK(keyed.starts_with("pk1:"));
        CHECK(verify_pin(keyed, "4826"));
        CHECK_FALSE(verify_pin(keyed, "4827"));
        // A hash from before the key still verifies and asks to be re-hashed with the key.
        CHECK(verify_pin(plain, "4826"));
        CHECK(pin_needs_rehash(plain, minimum_pin_cost()));
        CHECK_FALSE(pin_needs_rehash(keyed, minimum_pin_cost()));
    }
    // The database alone (no key): the keyed hash cannot be checked, let alone guessed.
    CHECK_FALSE(verify_pin(keyed, "4826"));
    {
        KeyInstalled k(ring_with(9)); // another organisation's key
        CHECK_FALSE(verify_pin(keyed, "4826"));
    }
    {
        // After a rotation the old key stays second: old hashes verify and are upgraded.
        PinKeyring rotated = ring_with(9);
        rotated.keys.push_back(ring_with(7).keys.front());
        KeyInstalled k(rotated);
        CHECK(verify_pin(keyed, "4826"));
        CHECK(pin_needs_rehash(keyed, minimum_pin_cost()));
    }
}

TEST_CASE("the PIN key file is created 0600, read back, rotated, and a broken one is refused") {
    test::TempDir dir;
    const fs::path file = dir / "t.db.pinkey";
    CHECK_FALSE(load_pin_keyring(file, false));
    const auto made = load_pin_keyring(file, true);
    REQUIRE(made);
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const std::string first = made->keys.front().id();
    CHECK(load_pin_keyring(file, false)->keys.front().id() == first);
    const std::string second = rotate_pin_key(file);
    const auto after = load_pin_keyring(file, false);
    REQUIRE(after->keys.size() == 2);
    CHECK(after->keys[0].id() == second);
    CHECK(after->keys[1].id() == first);
    test::write_file(file, "not hex\n");
    CHECK_THROWS_WITH(load_pin_keyring(file, false), Catch::Contains("t.db.pinkey:1") && Catch::Contains("64 hex digits"));
}

// [SECTION] Database files -------------------------------------------------------------------------

TEST_CASE("a read-only database still reads, and a write names the file and why") {
    test::TempDir dir;
    const fs::path path = dir / "ro.db";
    {
        store::OpenOptions o;
        o.create_if_missing = true;
        auto db = store::Database::open(path, o);
        FixedClock clock{kNow};
        store::EventStore events(db, clock, "kiosk-a");
        PeopleService(db, events).add(cli_admin(), {.id = "anna", .display_name = "Anna"});
    }
    store::OpenOptions ro;
    ro.read_only = true;
    auto db = store::Database::open(path, ro);
    CHECK(db.read_only());
    CHECK(read_person(db, "anna"));
    try {
        db.exec("INSERT INTO meta (key, value) VALUES ('x', 'y')");
        FAIL("a write to a read-only database succeeded");
    } catch (const store::StoreError& e) {
        CHECK_THAT(e.what(), Catch::Contains(path.string()) && Catch::Contains("read-only"));
    }
}

TEST_CASE("a database readable by others is opened with a warning naming the fix") {
    test::TempDir dir;
    const fs::path path = dir / "wide.db";
    store::OpenOptions o;
    o.create_if_missing = true;
    { auto db = store::Database::open(path, o); }
    REQUIRE(::chmod(path.c_str(), 0644) == 0);
    auto db = store::Database::open(path);
    REQUIRE(db.warnings().size() == 1);
    CHECK_THAT(db.warnings().front(), Catch::Contains("0644") && Catch::Contains("trainer db fix-mode"));
}

TEST_CASE("a damaged page is found by the quick check before anything is written") {
    test::TempDir dir;
    const fs::path path = dir / "bad.db";
    store::OpenOptions o;
    o.create_if_missing = true;
    {
        auto db = store::Database::open(path, o);
        FixedClock clock{kNow};
        store::EventStore events(db, clock, "kiosk-a");
        for (int i = 0; i < 200; ++i) events.append({"card.looked_up", "", {{"card", std::string(200, 'x')}}});
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::string bytes = test::read_file(path);
    REQUIRE(bytes.size() > 8 * 4096);
    for (std::size_t i = 5 * 4096; i < 5 * 4096 + 600; ++i) bytes[i] = '\x5a';
    test::write_file(path, bytes);
    store::OpenOptions check;
    check.quick_check_first = true;
    CHECK_THROWS_WITH(store::Database::open(path, check),
                      Catch::Contains(path.string()) && Catch::Contains("damaged") && Catch::Contains("backup"));
    CHECK(test::read_file(path) == bytes);
}

TEST_CASE("a clean close is recorded, and only files still exactly so skip the quick check") {
    test::TempDir dir;
    const fs::path path = dir / "k.db";
    store::OpenOptions o;
    o.create_if_missing = true;
    o.quick_check_first = true;
    {
        auto db = store::Database::open(path, o);
        FixedClock clock{kNow};
        store::EventStore events(db, clock, "kiosk-a");
        for (int i = 0; i < 200; ++i) events.append({"card.looked_up", "", {{"card", std::string(200, 'x')}}});
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    CHECK_FALSE(store::unchanged_since_checked(path)); // never closed by a kiosk: check
    store::record_checked(path);
    CHECK(store::unchanged_since_checked(path));
    // Another writer (the CLI, a restore, an editor) changes the files: the next start checks,
    // and a damaged page is refused as before.
    std::string bytes = test::read_file(path);
    for (std::size_t i = 5 * 4096; i < 5 * 4096 + 600; ++i) bytes[i] = '\x5a';
    test::write_file(path, bytes);
    CHECK_FALSE(store::unchanged_since_checked(path));
    CHECK_THROWS_WITH(store::Database::open(path, o), Catch::Contains("damaged"));
    CHECK(test::read_file(path) == bytes);
    // A record that does not match (another file's, or edited) never skips the check.
    test::write_file(path.string() + ".checked", "0:0:0:0.0 wal -\n");
    CHECK_FALSE(store::unchanged_since_checked(path));
}

// [SECTION] Numbers and dates ----------------------------------------------------------------------

TEST_CASE("thousands separators are refused while a decimal comma still reads") {
    CHECK_FALSE(quality::parse_decimal("1,000"));
    CHECK_FALSE(quality::parse_decimal("87,500"));
    CHECK(quality::thousands_separator_problem("87,500"));
    CHECK(quality::parse_decimal("87,5") == Approx(87.5));
    CHECK(quality::parse_decimal("0,125") == Approx(0.125));
    CHECK(quality::parse_decimal("87.500") == Approx(87.5));
    CHECK(quality::parse_decimal("92,25 %") == Approx(92.25));
    // Thousands grouped the other ways people write them are named, not only "not a number";
    // a lone full stop with three decimals stays a decimal.
    for (const char* grouped : {"1 000", "87\u00a0500", "1\u202f000\u202f000", "1'000", "1.000.000", "1.234,5",
                                "1,234.5", "-12 345 %"}) {
        INFO(grouped);
        REQUIRE(quality::thousands_separator_problem(grouped));
        CHECK_THAT(*quality::thousands_separator_problem(grouped), Catch::Contains("thousands separator"));
        CHECK_FALSE(quality::parse_decimal(grouped));
    }
    for (const char* plain : {"87.500", "1000", "0 000", "12 34", "1.5", "100 %"}) {
        INFO(plain);
        CHECK_FALSE(quality::thousands_separator_problem(plain));
    }
}

TEST_CASE("one date rule for imports and the kiosk: a calendar day up to tomorrow") {
    CHECK_FALSE(record_date_problem("2026-11-20", kNow));
    CHECK_FALSE(record_date_problem("2026-11-21", kNow));
    CHECK_THAT(*record_date_problem("2026-11-22", kNow), Catch::Contains("in the future"));
    CHECK_THAT(*record_date_problem("9999-12-31", kNow), Catch::Contains("in the future"));
    CHECK_THAT(*record_date_problem("1999-12-31", kNow), Catch::Contains("before 2000-01-01"));
    CHECK_THAT(*record_date_problem("2026-02-30", kNow), Catch::Contains("not a calendar date"));
}
