// libFuzzer: a people CSV file → PeopleService::import_csv_text as an admin.
// Promise under test: bad rows come back as located issues (nothing written), never a crash; the
// import reports a bad file through issues, so any exception escaping it is a finding too.
#include "fuzz_support.hpp"

#include "trainer/core/clock.hpp"
#include "trainer/identity/people.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace trainer;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto db = fuzz::people_db();
    SystemClock clock;
    store::EventStore events(db, clock, "fuzz");
    identity::PeopleService people(db, events);
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto before = events.count();
    const auto r = people.import_csv_text(identity::cli_admin(), text, "fuzz.csv");
    if (!r.ok() && events.count() != before) std::abort(); // a refused file wrote something
    for (const auto& i : r.issues)
        if (i.row == 0 || i.message.empty()) std::abort(); // every issue is located and says what
    return 0;
}
