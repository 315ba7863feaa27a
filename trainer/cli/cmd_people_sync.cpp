// trainer people sync FILE.csv [--deactivate-missing] [--dry-run] [--force]: the HR roster applied
// as a diff, shown first, all-or-nothing, audited (trainer/identity/roster_sync.hpp).
#include "trainer/cli/cli.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/identity/roster_sync.hpp"

#include <iostream>

namespace trainer::cli {
namespace {

using namespace trainer::identity;

int cmd_sync(const Args& a, Io& io) {
    const std::string file = a.arg(0, "the roster CSV (FILE.csv, or - for standard input)");
    const csv::Table roster = csv::read_input(file, a.value("encoding"), io.in);
    store::Database db = open_db(a);
    SystemClock clock;
    store::EventStore events(db, clock, store::kiosk_id_of(db));
    PeopleService people(db, events);
    const RosterSyncPlan plan = plan_roster_sync(people, cli_admin(), roster, a.flag("deactivate-missing"));
    if (!plan.ok()) {
        io.err << file << ": nothing changed; " << plan.issues.size() << " problem"
               << (plan.issues.size() == 1 ? "" : "s") << ":\n";
        for (const auto& i : plan.issues)
            io.err << "  " << csv::to_string(i) << "\n";
        return 1;
    }
    for (const auto& line : plan.diff)
        io.out << line << "\n";
    io.out << plan.adds.size() << " to add, " << plan.updates.size() << " to update, "
           << plan.deactivations.size() << " to deactivate, " << plan.unchanged << " unchanged\n";
    if (plan.removes_every_lead)
        io.err << "warning: after this sync no active lead would remain\n";
    if (a.flag("dry-run")) {
        io.out << "dry run: nothing changed\n";
        return 0;
    }
    if (plan.empty()) {
        io.out << "the people already match the roster\n";
        return 0;
    }
    apply_roster_sync(people, events, cli_admin(), plan, file == "-" ? "stdin" : file, a.flag("force"));
    io.out << "roster applied\n";
    return 0;
}

const Registration kSync{{"people sync",
                          "trainer people sync FILE.csv [--deactivate-missing] [--dry-run] [--force] "
                          "[--encoding utf-8|cp1250|cp1251|utf-16]",
                          "apply an HR roster: add, update and (optionally) deactivate people",
                          {{"deactivate-missing", false}, {"dry-run", false}, {"force", false},
                           {"encoding", true}},
                          cmd_sync,
                          1}};

} // namespace
} // namespace trainer::cli
