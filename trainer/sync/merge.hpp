#pragma once
// `trainer merge OTHER.db`: every event of another database of the same organisation, imported
// as import_events() does (union by id, all or nothing), streamed in pages in the one total order
// through one Importer (trainer/sync/importer.hpp), so a merge holds one page of the source in
// memory, not the whole of it. The other file is opened read-only and is never migrated or changed.
#include "trainer/sync/exchange.hpp"

#include <cstddef>
#include <filesystem>

namespace trainer::sync {

// Events per page of a merge: a page's parsed payloads are what a merge holds of the source.
inline constexpr std::size_t kMergePageEvents = 5000;

// ImportRefused (nothing changed) for the same file as `db`, a damaged, foreign or newer file, or
// one of another organisation. page_events: events per page (tests use a small one).
ImportResult merge_database(store::Database& db, const std::filesystem::path& other, const ImportOptions& options = {},
                            std::size_t page_events = kMergePageEvents);

} // namespace trainer::sync
