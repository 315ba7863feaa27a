#pragma once
// Content adoption as an event (issue 12 §1; docs/merging.md "Content adoption"). Which version of
// a card is "current" is what the organisation adopted, recorded in the history, not whatever files
// a device happened to load: two devices with the same events agree on what is due and mastered.
//
//   content.adopted  {content: identity of the set, cards: {card id: version}, source: "load"|"admin"}
//
// A device records one when it loads a validated set that has a card the history has not adopted
// yet, or in a newer version than adopted ("load": never a step back, so a desk with an older
// folder does not undo what another desk adopted). `trainer content adopt` records every card of
// the folder as it is ("admin": also a deliberate step back). adopted_versions (migration 0020)
// keeps the latest adoption per card in the one total order; `trainer rebuild` recomputes it.
#include "trainer/content/model.hpp"
#include "trainer/store/event_store.hpp"
#include "trainer/store/projection.hpp"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>

namespace trainer::content {

inline constexpr const char* kContentAdopted = "content.adopted";

// card id → adopted version.
using AdoptedVersions = std::unordered_map<std::string, int>;

// Everything in adopted_versions.
AdoptedVersions adopted_versions(store::Database& db);
// The version rules compare a schedule with: the adopted one where the history has one, else the
// version in the loaded file.
int current_version(const AdoptedVersions& adopted, const Card& card);

// The content set's identity: a digest of its cards' ids and versions (the same on every device
// that loaded the same versions), "fnv1a64:<16 hex digits>".
std::string content_identity(const ContentSet& content);

enum class AdoptionSource { Load, Admin };

struct Adoption {
    std::optional<std::string> event_id;  // the content.adopted event; empty when nothing changed
    std::map<std::string, int> cards;     // what it adopted
    std::map<std::string, int> previous;  // the version adopted before, for the cards that had one
};

// Records a content.adopted event for the cards whose adoption the set changes (Load: new cards
// and newer versions; Admin: every card whose version differs from the adopted one) and applies
// it to adopted_versions, in one transaction (or the caller's). Nothing is written when nothing
// changes, so a kiosk that starts on the same folder every day records nothing.
Adoption adopt_content(store::EventStore& events, const ContentSet& content, AdoptionSource source);

// Clears adopted_versions and replays content.adopted events.
store::Projection adoption_projection();

} // namespace trainer::content
