#pragma once
// Shared by the libFuzzer targets (bench/fuzz builds and runs them): a database with the people
// the seed files name, and the repository's content folder. Each target documents what it
// treats as a finding: any crash or sanitizer report, and any exception the API does not promise.
#include "trainer/content/loader.hpp"
#include "trainer/store/database.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace fuzz {

// A fresh in-memory database with the full schema and the agents of the seed files.
inline trainer::store::Database people_db() {
    auto db = trainer::store::Database::open_memory();
    db.exec("INSERT INTO teams (id, name) VALUES ('team-north', 'Team North');"
            "INSERT INTO people (id, display_name, role, external_id, created_ms) VALUES "
            "('anna', 'Anna', 'agent', 'anna.kowalska@example.com', 0),"
            "('emily', 'Emily', 'agent', 'emily.carter@example.com', 0),"
            "('ann', 'Ann', 'agent', 'ann@example.com', 0),"
            "('lead', 'Lead', 'lead', NULL, 0);"
            "INSERT INTO team_members VALUES ('team-north', 'anna'), ('team-north', 'emily'),"
            "('team-north', 'ann');"
            "INSERT INTO team_leads VALUES ('team-north', 'lead');");
    return db;
}

// The repository's content (decks and QA scorecards), loaded once.
inline const trainer::content::ContentSet& repo_content() {
    static const auto loaded = trainer::content::load_content(TRAINER_SOURCE_DIR "/content");
    if (!loaded.ok()) {
        std::fprintf(stderr, "fuzz: the repository content does not load\n");
        std::abort();
    }
    return *loaded.content;
}

} // namespace fuzz
