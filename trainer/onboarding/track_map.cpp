#include "trainer/onboarding/track_map.hpp"

#include <algorithm>

namespace trainer::onboarding {

namespace {

const ModuleRecord* find_record(const Records& records, const std::string& id) {
    auto it = records.find(id);
    return it == records.end() ? nullptr : &it->second;
}

bool is_done(const content::Module& m, const Records& records) {
    const ModuleRecord* r = find_record(records, m.id);
    return r && r->passed_in(m.version);
}

// A prerequisite counts once passed in any version: a refreshed module re-opens itself, but does
// not lock again what the person has already moved on to.
bool ever_passed(const std::string& id, const Records& records) {
    const ModuleRecord* r = find_record(records, id);
    return r && std::any_of(r->completions.begin(), r->completions.end(),
                            [](const Completion& c) { return c.passed; });
}


} // namespace

std::vector<std::string> missing_prerequisites(const content::TrackModule& tm, const Records& records) {
    std::vector<std::string> out;
    for (const auto& pre : tm.prerequisites)
        if (!ever_passed(pre, records)) out.push_back(pre);
    return out;
}

const char* module_status_name(ModuleStatus s) {
    switch (s) {
    case ModuleStatus::Locked: return "locked";
    case ModuleStatus::Open: return "open";
    case ModuleStatus::InProgress: return "in_progress";
    case ModuleStatus::Done: return "done";
    }
    return "unknown";
}

ModuleStatus module_status(const content::Track& track, const content::Module& m, const Records& records) {
    if (is_done(m, records)) return ModuleStatus::Done;
    if (const content::TrackModule* tm = track.find(m.id))
        if (!missing_prerequisites(*tm, records).empty()) return ModuleStatus::Locked;
    const ModuleRecord* r = find_record(records, m.id);
    if (r && r->current_for(m.version) &&
        (r->pages_seen > 0 || r->attempt_open ||
         std::any_of(r->completions.begin(), r->completions.end(),
                     [&](const Completion& c) { return c.version == m.version; })))
        return ModuleStatus::InProgress;
    return ModuleStatus::Open;
}

int progress_percent(const content::Module& m, const ModuleRecord* r) {
    if (!r || !r->current_for(m.version)) return 0;
    if (r->passed_in(m.version)) return 100;
    const int total = static_cast<int>(m.pages.size()) + m.assessment_items();
    if (total == 0) return 0;
    int items = 0;
    if (r->attempt_open) {
        if (m.pillar == content::Pillar::Knowledge) items = static_cast<int>(r->answers.size());
        if (m.pillar == content::Pillar::Attitude) items = static_cast<int>(r->scenarios.size());
        if (m.pillar == content::Pillar::Skills) items = r->signoff_requested_ms ? 1 : 0;
    }
    const int reached = std::min(r->pages_seen, static_cast<int>(m.pages.size()));
    // Never 100 before it is done: the last step (passing, the sign-off) is still ahead.
    return std::min(99, (reached + items) * 100 / total);
}

TrackMap build_track_map(const content::Track& track, const content::OnboardingContent& content,
                         const Records& records, std::string_view locale) {
    TrackMap map;
    map.track_id = track.id;
    map.title = content::pick(track.title, locale);
    map.description = content::pick(track.description, locale);
    TimeMs latest = -1;
    int percent_sum = 0;
    for (const auto& tm : track.modules) {
        const content::Module* m = content.find_module(tm.module);
        if (!m) continue; // the loader refuses such a track; never crash on a stale one
        const ModuleRecord* r = find_record(records, m->id);
        ModuleTile t;
        t.module_id = m->id;
        t.pillar = m->pillar;
        t.title = content::pick(m->title, locale);
        t.summary = content::pick(m->summary, locale);
        t.minutes = m->minutes;
        t.version = m->version;
        t.status = module_status(track, *m, records);
        t.percent = t.status == ModuleStatus::Done ? 100 : progress_percent(*m, r);
        t.requires_ids = tm.prerequisites;
        t.missing = missing_prerequisites(tm, records);
        if (r) {
            t.reopened = t.status != ModuleStatus::Done &&
                         std::any_of(r->completions.begin(), r->completions.end(),
                                     [&](const Completion& c) { return c.passed && c.version < m->version; });
            t.awaiting_signoff = r->current_for(m->version) && r->signoff_requested_ms.has_value();
            if (!r->completions.empty()) t.last_completion = r->completions.back();
        }
        for (const auto& other : track.modules)
            if (std::find(other.prerequisites.begin(), other.prerequisites.end(), m->id) !=
                other.prerequisites.end()) {
                auto miss = missing_prerequisites(other, records);
                miss.erase(std::remove(miss.begin(), miss.end(), m->id), miss.end());
                if (miss.empty()) t.unlocks.push_back(other.module);
            }
        if (t.status == ModuleStatus::Done) ++map.done;
        if (t.status == ModuleStatus::Open) map.next.push_back(m->id);
        if (t.status == ModuleStatus::InProgress && r && r->updated_ms > latest) {
            latest = r->updated_ms;
            map.resume = ResumePoint{m->id, std::max(0, r->page)};
        }
        percent_sum += t.percent;
        map.modules.push_back(std::move(t));
    }
    if (!map.modules.empty()) map.percent = percent_sum / static_cast<int>(map.modules.size());
    return map;
}

} // namespace trainer::onboarding
