#pragma once
// The organisation settings (config/organisation.json, docs/figures.md "Days, weeks and months"):
//   {"time_zone": "Europe/Warsaw"}
// `time_zone` is an IANA id from the tz database; it defines the organisation's days, weeks and
// months (today, this week, this month, check-in due days, QA periods, payroll months).
#include "trainer/content/diagnostics.hpp"
#include "trainer/core/org_time_zone.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace trainer::app {

struct OrganisationConfig {
    OrgTimeZone time_zone; // UTC when the file or the key is absent
};

// Every problem of the file, each with file:line:column and JSON pointer.
class OrganisationConfigError : public std::runtime_error {
public:
    explicit OrganisationConfigError(std::vector<content::Diagnostic> problems);
    std::vector<content::Diagnostic> problems;
};

// Parses `text` as the file `display_name`; throws OrganisationConfigError listing every problem.
OrganisationConfig parse_organisation_config(std::string text, const std::string& display_name);
OrganisationConfig read_organisation_config(const std::filesystem::path& path);

// $TRAINER_ORGANISATION_CONFIG when set, else <content>/../config/organisation.json when it exists,
// else the defaults (UTC). A malformed file throws OrganisationConfigError and changes nothing.
OrganisationConfig organisation_config_near(const std::filesystem::path& content_dir);
// Reads the config near `content_dir` and makes its zone the process's organisation zone.
OrganisationConfig apply_organisation_config(const std::filesystem::path& content_dir);

} // namespace trainer::app
