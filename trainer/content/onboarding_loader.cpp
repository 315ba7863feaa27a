// Onboarding content kind (DESIGN §4.3): content/modules/*.json and content/tracks/*.json.
// Per-file reading is onboarding_parser.cpp; here: files, unique ids, links to cards and modules,
// prerequisite cycles, counts.
#include "trainer/content/kinds.hpp"
#include "trainer/content/json_folder.hpp"

#include "trainer/content/onboarding_model.hpp"
#include "trainer/content/onboarding_parser.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

namespace trainer::content {

namespace {

namespace fs = std::filesystem;

std::string where(const JsonSource& src, const std::string& pointer) {
    const TextPosition at = src.position_of(pointer);
    return src.file() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

void sort_new(std::vector<Diagnostic>& d, std::size_t first) {
    std::stable_sort(d.begin() + static_cast<std::ptrdiff_t>(first), d.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
}

struct Loaded {
    std::unordered_map<std::string, std::string> module_origin; // id -> file:line:col
    std::unordered_map<std::string, std::string> track_origin;
};

void read_module(const fs::path& path, Loaded& seen, const ContentSet& set, OnboardingContent& oc,
                 LoadResult& r) {
    const JsonSource src = JsonSource::from_file(path, path.string());
    r.diagnostics.insert(r.diagnostics.end(), src.diagnostics().begin(), src.diagnostics().end());
    if (!src.parsed()) return;
    auto pm = parse_module(src, r.diagnostics);
    if (!pm) return;
    for (const auto& [card, at] : pm->card_links)
        if (!set.find_card(card))
            r.diagnostics.push_back(src.diagnostic(
                Severity::Error, at, "unknown card id '" + card + "': no deck defines it"));
    // Pictures are named from the project folder ("assets/..."), next to the content folder. A
    // missing one is a warning: the page still teaches without it, and the kiosk leaves it out.
    const fs::path project = path.parent_path().parent_path().parent_path();
    for (std::size_t i = 0; i < pm->module.pages.size(); ++i) {
        const auto& image = pm->module.pages[i].image;
        std::error_code ec;
        if (!image.empty() && !fs::is_regular_file(project / image, ec))
            r.diagnostics.push_back(src.diagnostic(Severity::Warning, "/pages/" + std::to_string(i) + "/image",
                                                   "picture '" + image + "' not found at " + (project / image).string() +
                                                       "; the page is shown without it"));
    }
    if (auto [it, fresh] = seen.module_origin.emplace(pm->module.id, where(src, "/id")); !fresh) {
        r.diagnostics.push_back(src.diagnostic(Severity::Error, "/id",
                                               "duplicate module id '" + pm->module.id +
                                                   "', already used at " + it->second));
        return;
    }
    ++r.counts["modules"];
    r.counts["questions"] += pm->questions;
    r.counts["scenarios"] += pm->scenarios;
    for (const auto& l : pm->complete_locales)
        ++r.complete_text["modules"][l];
    for (const auto& [l, n] : pm->complete_questions)
        r.complete_text["questions"][l] += n;
    for (const auto& [l, n] : pm->complete_scenarios)
        r.complete_text["scenarios"][l] += n;
    oc.modules.push_back(std::move(pm->module));
}

void read_track(const fs::path& path, Loaded& seen, OnboardingContent& oc,
                std::set<std::string>& used_modules, LoadResult& r) {
    const JsonSource src = JsonSource::from_file(path, path.string());
    r.diagnostics.insert(r.diagnostics.end(), src.diagnostics().begin(), src.diagnostics().end());
    if (!src.parsed()) return;
    auto pt = parse_track(src, r.diagnostics);
    if (!pt) return;
    Track& t = pt->track;
    auto err = [&](const std::string& at, std::string msg) {
        r.diagnostics.push_back(src.diagnostic(Severity::Error, at, std::move(msg)));
    };
    std::set<std::string> in_track;
    for (const auto& [id, at] : pt->module_links) {
        if (!oc.find_module(id))
            err(at, "unknown module id '" + id + "': no file in modules/ defines it");
        if (!in_track.insert(id).second) err(at, "module '" + id + "' is listed twice in this track");
        used_modules.insert(id);
    }
    for (std::size_t i = 0; i < pt->prerequisite_links.size(); ++i)
        for (const auto& [pre, at] : pt->prerequisite_links[i]) {
            if (pre == t.modules[i].module)
                err(at, "module '" + pre + "' cannot require itself");
            else if (!in_track.count(pre))
                err(at, oc.find_module(pre)
                            ? "prerequisite '" + pre + "' is not a module of this track; add it to /modules"
                            : "unknown module id '" + pre + "' in requires");
        }
    if (auto cycle = find_prerequisite_cycle(t); !cycle.empty()) {
        std::string path_text;
        for (const auto& id : cycle)
            path_text += (path_text.empty() ? "" : " -> ") + id;
        std::string at = "/modules";
        for (std::size_t i = 0; i < t.modules.size(); ++i)
            if (t.modules[i].module == cycle.front()) at = pointer_append("/modules", i) + "/requires";
        err(at, "prerequisite cycle: " + path_text + " (each requires the next); no one could ever "
                "open these modules");
    }
    if (auto [it, fresh] = seen.track_origin.emplace(t.id, where(src, "/id")); !fresh) {
        err("/id", "duplicate track id '" + t.id + "', already used at " + it->second);
        return;
    }
    ++r.counts["tracks"];
    for (const auto& l : pt->complete_locales)
        ++r.complete_text["tracks"][l];
    oc.tracks.push_back(std::move(t));
}

} // namespace

void load_onboarding(const fs::path& dir, ContentSet& set, LoadResult& r) {
    const auto module_files = json_files(dir / "modules", "modules", r.diagnostics);
    const auto track_files = json_files(dir / "tracks", "tracks", r.diagnostics);
    if (!module_files && !track_files) return;
    for (const char* kind : {"tracks", "modules", "questions", "scenarios"}) {
        r.counts[kind] += 0;
        for (std::string_view locale : kLocales)
            r.complete_text[kind][std::string(locale)] += 0;
    }
    auto oc = std::make_shared<OnboardingContent>();
    Loaded seen;
    for (const auto& path : module_files.value_or(std::vector<fs::path>{})) {
        ++r.files;
        const std::size_t first = r.diagnostics.size();
        read_module(path, seen, set, *oc, r);
        sort_new(r.diagnostics, first);
    }
    std::set<std::string> used;
    for (const auto& path : track_files.value_or(std::vector<fs::path>{})) {
        ++r.files;
        const std::size_t first = r.diagnostics.size();
        read_track(path, seen, *oc, used, r);
        sort_new(r.diagnostics, first);
    }
    for (const auto& m : oc->modules)
        if (!used.count(m.id))
            r.diagnostics.push_back(
                whole_file(m.file, "module '" + m.id + "' is in no track; nobody will see it",
                           Severity::Warning));
    set.onboarding = std::move(oc);
}

} // namespace trainer::content
