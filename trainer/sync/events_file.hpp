#pragma once
// The events file that carries a history between devices without a network (a USB stick):
// JSON Lines. Line 1 is a header {"format": "trainer.events.v1", "organisation": ..., "schema": N,
// "device": ..., "exported_at": ..., "count": N}; then one event per line; nothing else. A file
// whose event lines do not add up to the header's count is damaged (cut short) and refused.
#include "trainer/sync/exchange.hpp"

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace trainer::sync {

inline constexpr const char* kEventsFileFormat = "trainer.events.v1";

struct EventsFile {
    std::string organisation_id;
    std::string device_id; // the exporting device
    int schema = 0;        // the exporter's schema version
    std::vector<WireEvent> events;
};

// Writes the file atomically (a ".partial" renamed into place, mode 0600); refuses to overwrite.
void write_events_file(const std::filesystem::path& out, const EventsFile& file);
// Reads and checks it; ImportRefused naming the file, line and what was expected (Malformed,
// Damaged, NewerSchema when `schema` is above this build's).
EventsFile read_events_file(const std::filesystem::path& in, int latest_schema);

} // namespace trainer::sync
