#pragma once
// One import, fed in pages (issue 12 §3 and the merge's memory, docs/merging.md "How fast"). A
// merge streams the other database through it page by page, so what it holds does not grow with
// the source: a page of parsed events, and for the events added only what deciding the recompute
// needs (which people and event types they touch, the first of them in the total order, those
// from the future). import_events() is the same with one page. The promises are exchange.hpp's:
// union by id, all or nothing (one transaction from the constructor to finish()), the tombstone
// wins, derived tables brought up to date in the one total order.
#include "trainer/store/payload.hpp"
#include "trainer/sync/exchange.hpp"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <span>

namespace trainer::sync {

class Importer {
public:
    // Opens the import's transaction (nothing is kept unless finish() commits).
    Importer(store::Database& db, const ImportOptions& options);
    ~Importer();
    Importer(const Importer&) = delete;
    Importer& operator=(const Importer&) = delete;

    // The tombstones (person.erased) among what will be imported, before any page: the receiving
    // device erases the people they name first, so their events in any page are kept out.
    void erasures(std::span<const WireEvent> tombstones);
    // Checks and stores one page (refused as a whole with ImportRefused; the caller then drops the
    // Importer and nothing is written). first_index: the position of page[0] in the whole import,
    // for messages ("event 12001").
    void add(std::span<const WireEvent> page, std::size_t first_index = 0);
    // Audits the import, brings the derived tables up to date, runs before_commit and commits.
    ImportResult finish();

private:
    struct State;
    std::unique_ptr<State> s_;
};

// The content version a payload names (card_version, version, module_version), 0 for none.
int content_version_of(const nlohmann::json& payload);
int content_version_of(const store::Payload& payload);

} // namespace trainer::sync
