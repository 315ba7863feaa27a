#pragma once
// The track map (DESIGN §4.3): each module of a track as locked / open / in progress / done with
// a progress bar and what it unlocks. Pure functions of the content and the person's records;
// the kiosk's track map screen and `trainer track status` read these view models.
//
// Rules:
// - done: a passed completion of the module's CURRENT content version (a new version re-opens
//   the module for everyone who completed an older one; the old record stays in history);
// - locked: some prerequisite has never been passed (a prerequisite passed in an older version
//   still counts, so a refreshed module does not lock what comes after it again);
// - in progress: work on the current version has begun (a page viewed, an attempt started);
// - open: otherwise.
// Progress % = (pages reached + assessment items done) / (pages + assessment items), where the
// items are the questions answered in the open attempt, the scenarios answered, or the sign-off
// request of a skills module; 100 when done.
#include "trainer/content/onboarding_model.hpp"
#include "trainer/onboarding/record.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::onboarding {

enum class ModuleStatus { Locked, Open, InProgress, Done };
const char* module_status_name(ModuleStatus s); // "locked" | "open" | "in_progress" | "done"

using Records = std::map<std::string, ModuleRecord>;

struct ModuleTile {
    std::string module_id;
    content::Pillar pillar = content::Pillar::Knowledge;
    std::string title;   // in the requested locale (English fallback)
    std::string summary;
    int minutes = 0;
    int version = 1;     // current content version
    ModuleStatus status = ModuleStatus::Open;
    int percent = 0;     // 0..100
    std::vector<std::string> requires_ids;     // prerequisites
    std::vector<std::string> missing;          // prerequisites not done yet (why it is locked)
    std::vector<std::string> unlocks;          // modules that need only this one (besides passed ones)
    bool reopened = false;                     // passed an older version, not yet this one
    bool awaiting_signoff = false;             // skills: request pending in the lead's queue
    std::optional<Completion> last_completion; // of any version
};

struct ResumePoint {
    std::string module_id;
    int page = 0; // page to reopen (last viewed, or 0)
};

struct TrackMap {
    std::string track_id;
    std::string title;
    std::string description;
    std::vector<ModuleTile> modules; // track order
    int done = 0;
    int percent = 0;                   // mean of the module percents
    std::vector<std::string> next;     // open modules, in track order: what to do next
    std::optional<ResumePoint> resume; // the most recently touched unfinished module
};

// Prerequisites of `tm` the person has never passed.
std::vector<std::string> missing_prerequisites(const content::TrackModule& tm, const Records& records);
ModuleStatus module_status(const content::Track& track, const content::Module& m, const Records& records);
int progress_percent(const content::Module& m, const ModuleRecord* r);
TrackMap build_track_map(const content::Track& track, const content::OnboardingContent& content,
                         const Records& records, std::string_view locale);

} // namespace trainer::onboarding
