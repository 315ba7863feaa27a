#include "trainer/app/organisation_config.hpp"

#include "trainer/content/json_source.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace trainer::app {
namespace {

std::string join_messages(const std::vector<content::Diagnostic>& problems) {
    std::string out;
    for (const auto& d : problems) out += (out.empty() ? "" : "\n") + d.to_string();
    return out;
}

constexpr const char* kAllowedKeys[] = {"description", "time_zone"};

OrganisationConfig from_source(const content::JsonSource& src) {
    std::vector<content::Diagnostic> problems = src.diagnostics();
    OrganisationConfig out;
    if (!src.parsed()) throw OrganisationConfigError(std::move(problems));
    const auto& j = src.value();
    if (!j.is_object()) {
        problems.push_back(src.diagnostic(content::Severity::Error, "",
                                          "expected an object like {\"time_zone\": \"Europe/Warsaw\"}, found " +
                                              content::describe_found(j)));
        throw OrganisationConfigError(std::move(problems));
    }
    for (const auto& [key, value] : j.items())
        if (auto why = content::unknown_key_problem(key, kAllowedKeys))
            problems.push_back(src.diagnostic(content::Severity::Error, content::pointer_append("", key), *why,
                                              content::Anchor::Key));
    if (const auto it = j.find("time_zone"); it != j.end()) {
        if (!it->is_string()) {
            problems.push_back(src.diagnostic(content::Severity::Error, "/time_zone",
                                              "expected an IANA time zone id such as \"Europe/Moscow\", found " +
                                                  content::describe_found(*it)));
        } else if (auto zone = OrgTimeZone::from_id(it->get<std::string>())) {
            out.time_zone = std::move(*zone);
        } else {
            problems.push_back(src.diagnostic(content::Severity::Error, "/time_zone",
                                              "unknown time zone " + content::quoted_input(it->get<std::string>()) +
                                                  "; expected an IANA id such as \"Europe/Warsaw\" or \"UTC\""));
        }
    }
    if (content::count_of(problems, content::Severity::Error) > 0) throw OrganisationConfigError(std::move(problems));
    return out;
}

} // namespace

OrganisationConfigError::OrganisationConfigError(std::vector<content::Diagnostic> p)
    : std::runtime_error(join_messages(p)), problems(std::move(p)) {}

OrganisationConfig parse_organisation_config(std::string text, const std::string& display_name) {
    return from_source(content::JsonSource::from_text(std::move(text), display_name));
}

OrganisationConfig read_organisation_config(const std::filesystem::path& path) {
    return from_source(content::JsonSource::from_file(path, path.string()));
}

OrganisationConfig organisation_config_near(const std::filesystem::path& content_dir) {
    if (const char* env = std::getenv("TRAINER_ORGANISATION_CONFIG"); env && *env)
        return read_organisation_config(env);
    const auto path = content_dir.parent_path() / "config" / "organisation.json";
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return {};
    return read_organisation_config(path);
}

OrganisationConfig apply_organisation_config(const std::filesystem::path& content_dir) {
    OrganisationConfig c = organisation_config_near(content_dir);
    set_organisation_zone(c.time_zone);
    return c;
}

} // namespace trainer::app
