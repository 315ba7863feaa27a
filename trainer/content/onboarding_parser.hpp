#pragma once
// Reads one module document (content/modules/*.json) or one track document
// (content/tracks/*.json) into typed structs, reporting every problem of the file with its JSON
// pointer. Cross-file rules (card and module links, unique ids, prerequisite cycles) belong to
// onboarding_loader.cpp.
#include "trainer/content/json_source.hpp"
#include "trainer/content/onboarding_model.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace trainer::content {

// An id used in the file, with the JSON pointer where it is written.
using IdAt = std::pair<std::string, std::string>;

struct ParsedModule {
    Module module;
    std::vector<IdAt> card_links;              // every card id linked by pages and steps
    std::vector<std::string> complete_locales; // locales with every text of the module given
    int questions = 0, scenarios = 0;
    std::map<std::string, int> complete_questions, complete_scenarios; // per locale
};

struct ParsedTrack {
    Track track;
    std::vector<IdAt> module_links;                     // each /modules/i/module
    std::vector<std::vector<IdAt>> prerequisite_links;  // per entry: each /modules/i/requires/j
    std::vector<std::string> complete_locales;
};

// nullopt when the document is not a module at all (not an object, or no valid id).
std::optional<ParsedModule> parse_module(const JsonSource& source, std::vector<Diagnostic>& out);
std::optional<ParsedTrack> parse_track(const JsonSource& source, std::vector<Diagnostic>& out);

} // namespace trainer::content
