#pragma once
// The onboarding modules, QA scorecards and change rollouts the organisation adopted (issue 12 §1;
// docs/merging.md "Content adoption"). Cards are in adoption.hpp; the same content.adopted event
// carries all of them:
//
//   content.adopted  {..., modules: {id: version}, scorecards: {id: version},
//                     rollouts: {id: {title, description, cards, modules, teams, start, target}}}
//
// adopted_content (migration 0021) keeps the latest adoption per item in the one total order. What
// is "current" for a module (done, re-opened), a scorecard (may a lead still score on it) and a
// rollout (its cards, modules and teams) is read there, so two devices with the same events agree
// whatever folder each loaded; the folder's version counts only for an item never adopted. A
// rollout has no version: a load adopts a rollout the history does not know yet, and only the
// admin adopts an edited definition (a desk start must not flip it between two folders).
#include "trainer/content/adoption.hpp"
#include "trainer/content/change_model.hpp"
#include "trainer/content/onboarding_model.hpp"
#include "trainer/store/payload.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace trainer::content {

struct AdoptedRollout {
    Rollout rollout; // the adopted definition
};

struct AdoptedContent {
    AdoptedVersions modules;    // module id → adopted version
    AdoptedVersions scorecards; // scorecard id → adopted version
    std::unordered_map<std::string, AdoptedRollout> rollouts;
};

AdoptedContent adopted_content(store::Database& db);
// One kind only ("module", "scorecard"): id → adopted version.
AdoptedVersions adopted_of(store::Database& db, const std::string& kind);
// The version status compares records with: the adopted one, else the folder's.
int current_version(const AdoptedVersions& adopted, const std::string& id, int folder_version);

// The onboarding content with each module's version replaced by the adopted one, for the views that
// compare records with the current version (the track map); nullopt when every module is already
// in its adopted version (the usual case: no copy).
std::optional<OnboardingContent> with_adopted_modules(const OnboardingContent& content, const AdoptedVersions& adopted);

// One module, scorecard or rollout an adoption changes.
struct AdoptedItem {
    std::string kind; // "module", "scorecard", "rollout"
    std::string id;
    int version = 1;             // a rollout: 1
    std::optional<int> previous; // a module or scorecard: the version adopted before, if any
};

// adopt_content() (adoption.hpp) and what it adopted beyond cards, in folder order.
struct ContentAdoption : Adoption {
    std::vector<AdoptedItem> items;
};
ContentAdoption adopt_all(store::EventStore& events, const ContentSet& content, AdoptionSource source);

// What adopting `content` would change beyond its cards (Load: new items and newer versions, new
// rollouts; Admin: every item whose version, or a rollout whose definition, differs), written into
// the event's payload (modules, scorecards, rollouts).
std::vector<AdoptedItem> plan_item_adoption(store::Database& db, const ContentSet& content, bool admin,
                                            store::Payload& payload);
// Applies the modules, scorecards and rollouts of one content.adopted event to adopted_content.
void apply_item_adoption(store::Database& db, const store::Event& e);

} // namespace trainer::content
