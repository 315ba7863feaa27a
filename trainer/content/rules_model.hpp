#pragma once
// Local rules (content/rules/*.json): figures that differ by country and that a company must be
// able to set without a rebuild — today the legal deadlines for answering a complaint. Format and
// sources: content/README.md "Local rules".
#include "trainer/content/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::content {

struct ComplaintDeadline {
    std::string id;                   // unique across rule files, [a-z0-9-]
    std::string country;              // ISO 3166-1 alpha-2, upper case ("PL", "RU")
    std::string sector;               // [a-z0-9-], e.g. "consumer-goods", "financial", "telecom"
    int days = 0;                     // calendar days from receipt to the answer (1..365)
    std::optional<int> extended_days; // the longest deadline the law allows in complex cases
    bool silence_accepts = false;     // no answer in time = the complaint counts as accepted
    LocalText title;                  // what kind of complaint this is
    LocalText note;                   // what the agent tells the customer / must know
    std::string basis;                // the legal source, as cited (not translated)
};

struct LocalRules {
    std::vector<ComplaintDeadline> complaint_deadlines; // file order

    const ComplaintDeadline* find(std::string_view id) const;
    // The rules of one country (upper-case code), in file order.
    std::vector<const ComplaintDeadline*> of_country(std::string_view country) const;
};

// The last day to answer a complaint received on `received` (YYYY-MM-DD): received + days, in
// calendar days. No weekend or holiday shift is applied, so the date is never later than the law's.
// nullopt when `received` is not a valid date.
std::optional<std::string> answer_due(const ComplaintDeadline& rule, std::string_view received,
                                      bool extended = false);

} // namespace trainer::content
