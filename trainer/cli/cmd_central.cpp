// trainer central init URL | enrol-device NAME --scope S | revoke NAME | roster | join URL --device-file F
// The organisation's central PostgreSQL store (README "A central store for many desks").
#include "trainer/central/devices.hpp"
#include "trainer/central/schema.hpp"
#include "trainer/central/seed.hpp"
#include "trainer/cli/cli.hpp"
#include "trainer/store/events.hpp"
#include "trainer/sync/exchange.hpp"

#include <cstdlib>
#include <iostream>

namespace trainer::cli {
namespace {

std::string admin_url(const Args& a) {
    if (auto v = a.value("central")) return *v;
    if (const char* env = std::getenv("TRAINER_CENTRAL_URL"); env && *env) return env;
    throw UsageError("the central store's URL is missing (--central URL or $TRAINER_CENTRAL_URL)");
}

int fail(Io& io, const char* what, const central::CentralError& e) {
    io.err << "trainer central " << what << ": " << e.what() << "\n";
    return 1;
}

int cmd_init(const Args& a, Io& io) {
    const std::string url = a.arg(0, "the central store's URL");
    std::string org = a.value("organisation").value_or("");
    if (org.empty() && std::filesystem::exists(db_path(a))) {
        auto db = open_db(a);
        org = store::meta_get(db, "organisation_id").value_or("");
    }
    if (org.empty()) throw UsageError("the organisation id is missing (--organisation ID)");
    // --schema N: stop at migration N (an upgrade in steps, or timing one step on a copy).
    int up_to = 0;
    if (const auto v = a.value("schema")) {
        try {
            up_to = std::stoi(*v);
        } catch (const std::exception&) {
            up_to = 0;
        }
        if (up_to < 1 || up_to > central::latest_central_version())
            throw UsageError("--schema: '" + *v + "' is not a schema this build knows (1 to " +
                             std::to_string(central::latest_central_version()) + ")");
    }
    try {
        auto admin = central::PgConnection::open(url);
        const auto r = central::init_central(admin, org, up_to);
        if (r.from_version == r.to_version)
            io.out << "central store is up to date: schema " << r.to_version << ", organisation " << org << "\n";
        else
            io.out << "central store ready: schema " << r.from_version << " -> " << r.to_version << ", organisation "
                   << org << "\n";
        return 0;
    } catch (const central::CentralError& e) {
        return fail(io, "init", e);
    }
}

int cmd_enrol(const Args& a, Io& io) {
    const std::string name = a.arg(0, "the device's name");
    const auto scope_text = a.value("scope");
    if (!scope_text) throw UsageError("--scope is required");
    central::Scope scope;
    try {
        scope = central::parse_scope(*scope_text);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    const std::filesystem::path out = a.value("out").value_or(name + ".device.json");
    try {
        auto admin = central::PgConnection::open(admin_url(a));
        const auto cred = central::enrol_device(admin, name, scope);
        central::write_credential(out, cred);
        io.out << "enrolled device " << name << " (scope " << central::to_string(scope) << "); device file "
               << out.string() << " (mode 0600): copy it to the desk and run `trainer central join URL --device-file "
               << out.filename().string() << "`, then delete it\n";
        return 0;
    } catch (const central::CentralError& e) {
        return fail(io, "enrol-device", e);
    }
}

int cmd_revoke(const Args& a, Io& io) {
    const std::string name = a.arg(0, "the device's name");
    try {
        auto admin = central::PgConnection::open(admin_url(a));
        if (!central::revoke_device(admin, name)) {
            io.err << "trainer central revoke: no device named '" << name << "'\n";
            return 1;
        }
        io.out << "revoked device " << name << ": its next sync is refused\n";
        return 0;
    } catch (const central::CentralError& e) {
        return fail(io, "revoke", e);
    }
}

// Memberships come from this (admin's) database; sites are named on the command line.
int cmd_roster(const Args& a, Io& io) {
    std::vector<std::pair<std::string, std::string>> members, sites;
    {
        auto db = open_db(a);
        // Leads belong to the teams they lead too: their own history follows them.
        auto st = db.prepare("SELECT person_id, team_id FROM team_members UNION "
                             "SELECT person_id, team_id FROM team_leads ORDER BY 1, 2");
        while (st.step()) members.emplace_back(st.text(0), st.text(1));
    }
    const std::string list = a.value("sites").value_or("");
    for (std::size_t start = 0; start < list.size();) {
        auto comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        const std::string item = list.substr(start, comma - start);
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
            throw UsageError("--sites: '" + item + "' is not TEAM=SITE");
        sites.emplace_back(item.substr(0, eq), item.substr(eq + 1));
        start = comma + 1;
    }
    try {
        auto admin = central::PgConnection::open(admin_url(a));
        central::publish_roster(admin, members, sites);
        io.out << "published " << members.size() << " team memberships and " << sites.size() << " team sites\n";
        return 0;
    } catch (const central::CentralError& e) {
        return fail(io, "roster", e);
    }
}

int cmd_join(const Args& a, Io& io) {
    const std::string url = a.arg(0, "the central store's URL");
    const auto file = a.value("device-file");
    if (!file) throw UsageError("--device-file is required");
    auto cred = central::read_credential(*file);
    cred.url = url;
    auto db = open_db(a);
    const auto local_org = store::meta_get(db, "organisation_id");
    // A database that only has the placeholder organisation its migration gave it (nobody named
    // one, nothing merged) takes the centre's below; one that names another organisation is refused.
    const bool placeholder = store::meta_get(db, "organisation_source").value_or("") == "migration";
    if (local_org && *local_org != cred.organisation_id && !placeholder) {
        io.err << "trainer central join: this desk's database belongs to organisation '" << *local_org
               << "', the device file to '" << cred.organisation_id << "'; nothing was changed\n";
        return 1;
    }
    try {
        central::connect_device(cred); // proves the URL, the password, the certificate and the organisation
    } catch (const central::CentralError& e) {
        return fail(io, "join", e);
    }
    if (local_org != cred.organisation_id) sync::set_organisation_id(db, cred.organisation_id);
    if (!local_org) store::meta_set(db, "organisation_id", cred.organisation_id);
    const auto path = central::credential_path(db_path(a));
    central::write_credential(path, cred);
    io.out << "joined the central store as device " << cred.device << "; credential stored in " << path.string()
           << " (mode 0600)\n";
    return 0;
}

int positive(const Args& a, const char* name, int fallback) {
    const auto v = a.value(name);
    if (!v) return fallback;
    try {
        const int n = std::stoi(*v);
        if (n > 0) return n;
    } catch (const std::exception&) {
    }
    throw UsageError(std::string("--") + name + ": '" + *v + "' is not a positive number");
}

// A large synthetic history for benchmarks and load tests, written with COPY.
int cmd_seed(const Args& a, Io& io) {
    central::SeedOptions o;
    o.agents = positive(a, "agents", o.agents);
    o.cards = positive(a, "cards", o.cards);
    o.days = positive(a, "days", o.days);
    o.reviews_per_day = positive(a, "reviews-per-day", o.reviews_per_day);
    try {
        auto admin = central::PgConnection::open(admin_url(a));
        if (central::check_central_version(admin) == 0) {
            io.err << "trainer central seed: the central store has no schema yet (trainer central init URL)\n";
            return 1;
        }
        const auto r = central::seed_central(admin, o);
        io.out << "seeded " << r.events << " events in " << r.seconds << " s\n";
        return 0;
    } catch (const central::CentralError& e) {
        return fail(io, "seed", e);
    }
}

const Registration kSeed{{"central seed",
                          "trainer central seed [--central URL] [--agents N] [--cards C] [--days D] [--reviews-per-day R]",
                          "write a synthetic history straight into the central store (benchmarks)",
                          {{"central", true}, {"agents", true}, {"cards", true}, {"days", true}, {"reviews-per-day", true}},
                          cmd_seed, 0}};
const Registration kInit{{"central init", "trainer central init URL [--organisation ID] [--schema N]",
                          "create or upgrade the central PostgreSQL store's schema (up to migration N)",
                          {{"organisation", true}, {"schema", true}},
                          cmd_init, 1}};
const Registration kEnrol{{"central enrol-device",
                           "trainer central enrol-device NAME --scope person:ID|team:ID[,ID]|site:ID|all "
                           "[--central URL] [--out FILE]",
                           "create a desk's credential at the central store and write its device file",
                           {{"scope", true}, {"central", true}, {"out", true}}, cmd_enrol, 1}};
const Registration kRevoke{{"central revoke", "trainer central revoke NAME [--central URL]",
                            "end a desk's access to the central store", {{"central", true}}, cmd_revoke, 1}};
const Registration kRoster{{"central roster", "trainer central roster [--central URL] [--sites TEAM=SITE,...]",
                            "publish team memberships (and the site of each team) for device scopes",
                            {{"central", true}, {"sites", true}}, cmd_roster, 0}};
const Registration kJoin{{"central join", "trainer central join URL --device-file F",
                          "connect this desk to the central store with its device file",
                          {{"device-file", true}}, cmd_join, 1}};

} // namespace
} // namespace trainer::cli
