// trainer content adopt [--json]: the organisation adopts the card, module, scorecard and rollout
// versions of the content folder
// (--content DIR) as an event (content/adoption.hpp, docs/merging.md "Content adoption"). The CLI
// acts as the admin. A refused folder adopts nothing.
#include "trainer/cli/cli.hpp"
#include "trainer/content/adopted_content.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/store/events.hpp"

#include <nlohmann/json.hpp>

namespace trainer::cli {
namespace {

int cmd_content_adopt(const Args& a, Io& io) {
    const auto dir = content_dir(a);
    const content::LoadResult loaded = content::load_content(dir);
    if (!loaded.ok()) {
        for (const auto& d : loaded.diagnostics)
            if (d.severity == content::Severity::Error) io.err << d.to_string() << "\n";
        io.err << "trainer content adopt: content in " << dir.string() << " was refused ("
               << loaded.error_count() << " errors); nothing was adopted\n";
        return 1;
    }
    store::Database db = open_db(a);
    SystemClock clock;
    store::EventStore events(db, clock, store::kiosk_id_of(db));
    const content::ContentAdoption r = content::adopt_all(events, *loaded.content, content::AdoptionSource::Admin);
    if (a.flag("json")) {
        nlohmann::ordered_json out{{"content", content::content_identity(*loaded.content)},
                                   {"event", r.event_id ? nlohmann::ordered_json(*r.event_id) : nlohmann::ordered_json()},
                                   {"cards", nlohmann::ordered_json::object()}};
        for (const auto& [card, version] : r.cards) {
            const auto before = r.previous.find(card);
            out["cards"][card] = {{"version", version},
                                  {"previous", before == r.previous.end() ? nlohmann::ordered_json()
                                                                          : nlohmann::ordered_json(before->second)}};
        }
        for (const auto& item : r.items)
            out[item.kind + "s"][item.id] = {{"version", item.version},
                                             {"previous", item.previous ? nlohmann::ordered_json(*item.previous)
                                                                        : nlohmann::ordered_json()}};
        io.out << out.dump(2) << "\n";
        return 0;
    }
    if (!r.event_id) {
        io.out << "nothing to adopt: everything in " << dir.string() << " is adopted in the version it has\n";
        return 0;
    }
    io.out << "adopted " << r.cards.size() << " card version(s) from " << dir.string() << " ("
           << content::content_identity(*loaded.content) << "), event " << *r.event_id << ":\n";
    for (const auto& [card, version] : r.cards) {
        const auto before = r.previous.find(card);
        io.out << "  " << card << ": ";
        if (before != r.previous.end()) io.out << "v" << before->second << " -> ";
        io.out << "v" << version << "\n";
    }
    for (const auto& item : r.items) {
        io.out << "  " << item.kind << " " << item.id << ": ";
        if (item.kind == "rollout") {
            io.out << (item.previous ? "definition changed" : "new") << "\n";
            continue;
        }
        if (item.previous) io.out << "v" << *item.previous << " -> ";
        io.out << "v" << item.version << "\n";
    }
    return 0;
}

const Registration kContentAdopt{
    {"content adopt",
     "trainer content adopt [--content DIR] [--json]",
     "adopt the card, module, scorecard and rollout versions of the content folder for the whole organisation (an event that travels with merges)",
     {{"json", false}},
     cmd_content_adopt,
     0}};

} // namespace
} // namespace trainer::cli
