#pragma once
// `trainer surveys import FILE.csv --mapping MAP.json` (DESIGN §4.5): customer-survey answers
// (CSAT 1-5, NPS 0-10, CES 1-7) per agent, one row per response, with the same guarantees as the
// QA import: all or nothing with every bad row named by row and column, idempotent on the survey
// tool's response id (event id "survey:<tool>:<id>"). Mapping format: docs/quality-import.md.
#include "trainer/csv/csv.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/quality/import_common.hpp"
#include "trainer/store/event_store.hpp"

#include <filesystem>
#include <vector>

namespace trainer::quality {

struct SurveyMapping {
    MappingBase base; // columns: response_id, agent, date, and at least one of csat, nps, ces
};
SurveyMapping read_survey_mapping(const std::filesystem::path& path);

struct SurveyImportResult {
    std::size_t rows = 0;
    std::size_t imported = 0;
    std::size_t already_stored = 0;
    std::size_t without_answer = 0; // responses with every score blank or N/A: nothing to store
    std::vector<csv::Issue> issues;
    bool ok() const { return issues.empty(); }
};

SurveyImportResult import_surveys(store::EventStore& events, const identity::Actor& actor,
                                  const SurveyMapping& mapping, const csv::Table& table);
SurveyImportResult import_surveys_file(store::EventStore& events, const identity::Actor& actor,
                                       const SurveyMapping& mapping,
                                       const std::filesystem::path& csv_file);

} // namespace trainer::quality
