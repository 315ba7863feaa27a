#pragma once
// QA scorecards (DESIGN §4.5): what content/quality/*.json becomes after validation.
// A scorecard has sections; a section has weighted criteria; a criterion may be critical (failing
// it zeroes the evaluation), may allow N/A, and links to the standard cards it checks.
#include "trainer/content/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace trainer::content {

struct Criterion {
    std::string id;      // unique within its scorecard, [a-z0-9-]
    double weight = 1;   // > 0; relative within the scorecard
    bool critical = false;
    bool allow_na = true;
    std::vector<std::string> cards; // standard card ids (all exist in the content set)
    LocalText title;       // what the evaluator checks, short
    LocalText description; // how to judge it
};

struct Section {
    std::string id;
    LocalText title;
    std::vector<Criterion> criteria;
};

struct Scorecard {
    std::string id;
    int version = 1;
    std::vector<std::string> channels; // e.g. "call", "chat"; at least one
    LocalText title;
    LocalText description;
    std::vector<Section> sections;

    // Every criterion in file order (sections flattened).
    std::vector<const Criterion*> criteria() const;
    const Criterion* find_criterion(std::string_view criterion_id) const;
};

struct QualityContent {
    std::vector<Scorecard> scorecards; // file-name order

    const Scorecard* find(std::string_view id) const;
};

} // namespace trainer::content
