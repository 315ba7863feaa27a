// [SECTION] Scorecard document
// [SECTION] Loader entry point (content/quality/*.json)
//
// QA scorecards (format: content/README.md "Quality scorecards"; schema:
// content/schema/quality.schema.json). Every problem of every file is reported; a missing Polish
// or Russian text is a warning (English is shown), everything else an error.
#include "trainer/content/json_folder.hpp"
#include "trainer/content/quality_model.hpp"

#include "trainer/content/field_reader.hpp"
#include "trainer/content/kinds.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace trainer::content {

std::vector<const Criterion*> Scorecard::criteria() const {
    std::vector<const Criterion*> out;
    for (const auto& s : sections)
        for (const auto& c : s.criteria)
            out.push_back(&c);
    return out;
}

const Criterion* Scorecard::find_criterion(std::string_view criterion_id) const {
    for (const auto& s : sections)
        for (const auto& c : s.criteria)
            if (c.id == criterion_id) return &c;
    return nullptr;
}

const Scorecard* QualityContent::find(std::string_view id) const {
    for (const auto& s : scorecards)
        if (s.id == id) return &s;
    return nullptr;
}

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* const kScorecardKeys[] = {"id", "version", "channels", "title",
                                                          "description", "sections"};
const char* const kSectionKeys[] = {"id", "title", "criteria"};
const char* const kCriterionKeys[] = {
    "id", "weight", "critical", "allow_na", "cards", "title", "description"};


// [SECTION] Scorecard document ------------------------------------------------------------

struct Coverage {
    std::map<std::string, bool> complete; // per locale: every text of the scorecard given
    void mark(const LocalText& t) {
        for (std::string_view loc : kLocales)
            if (!t.count(loc)) complete[std::string(loc)] = false;
    }
};

std::optional<Criterion> read_criterion(FieldReader& c, const json& v, const std::string& ptr,
                                        const ContentSet& set, Coverage& cov) {
    if (!c.object(v, ptr, kCriterionKeys)) return std::nullopt;
    Criterion k;
    std::optional<std::string> id;
    if (const json* j = c.required(v, ptr, "id")) id = c.id(*j, ptr + "/id");
    if (const json* j = c.required(v, ptr, "weight")) {
        if (!j->is_number() || !std::isfinite(j->get<double>()) || j->get<double>() <= 0 ||
            j->get<double>() > 1000)
            c.error(ptr + "/weight", "expected a number above 0 and at most 1000, found " + FieldReader::found(*j));
        else
            k.weight = j->get<double>();
    }
    if (auto it = v.find("critical"); it != v.end())
        if (auto b = c.boolean(*it, ptr + "/critical")) k.critical = *b;
    if (auto it = v.find("allow_na"); it != v.end())
        if (auto b = c.boolean(*it, ptr + "/allow_na")) k.allow_na = *b;
    if (const json* j = c.required(v, ptr, "cards")) {
        if (!j->is_array())
            c.error(ptr + "/cards", "expected an array of standard card ids, found " + FieldReader::found(*j));
        for (std::size_t i = 0; j->is_array() && i < j->size(); ++i) {
            const std::string p = pointer_append(ptr + "/cards", i);
            auto card = c.id((*j)[i], p);
            if (!card) continue;
            if (!set.card_index.count(*card))
                c.error(p, "unknown standard card id '" + *card +
                               "'; link to a card defined in content/decks");
            else if (std::find(k.cards.begin(), k.cards.end(), *card) != k.cards.end())
                c.error(p, "card '" + *card + "' is linked twice");
            else
                k.cards.push_back(*card);
        }
    }
    bool complete = true;
    if (const json* j = c.required(v, ptr, "title")) {
        k.title = c.local_text(*j, ptr + "/title", "criterion title", complete);
        cov.mark(k.title);
    }
    if (auto it = v.find("description"); it != v.end()) {
        k.description = c.local_text(*it, ptr + "/description", "criterion description", complete);
        cov.mark(k.description);
    }
    if (!id) return std::nullopt;
    k.id = *id;
    return k;
}

std::optional<Scorecard> read_scorecard(FieldReader& c, const json& v, const ContentSet& set,
                                        Coverage& cov) {
    if (!c.object(v, "", kScorecardKeys)) return std::nullopt;
    Scorecard s;
    std::optional<std::string> id;
    if (const json* j = c.required(v, "", "id")) id = c.id(*j, "/id");
    if (const json* j = c.required(v, "", "version")) {
        if (!j->is_number_integer() || j->get<long long>() < 1 || j->get<long long>() > 1'000'000)
            c.error("/version", "expected an integer >= 1, found " + FieldReader::found(*j));
        else
            s.version = j->get<int>();
    }
    if (const json* j = c.required(v, "", "channels")) {
        if (!j->is_array() || j->empty())
            c.error("/channels", "expected a non-empty array of channel ids (e.g. \"call\"), found " +
                                     FieldReader::found(*j));
        for (std::size_t i = 0; j->is_array() && i < j->size(); ++i)
            if (auto ch = c.id((*j)[i], pointer_append("/channels", i))) s.channels.push_back(*ch);
    }
    bool complete = true;
    if (const json* j = c.required(v, "", "title")) {
        s.title = c.local_text(*j, "/title", "title", complete);
        cov.mark(s.title);
    }
    if (auto it = v.find("description"); it != v.end()) {
        s.description = c.local_text(*it, "/description", "description", complete);
        cov.mark(s.description);
    }
    std::map<std::string, std::string> seen; // id → pointer of its first definition
    const json* sections = c.required(v, "", "sections");
    if (sections && (!sections->is_array() || sections->empty()))
        c.error("/sections", "expected a non-empty array of sections, found " + FieldReader::found(*sections));
    for (std::size_t i = 0; sections && sections->is_array() && i < sections->size(); ++i) {
        const json& sv = (*sections)[i];
        const std::string sp = pointer_append("/sections", i);
        if (!c.object(sv, sp, kSectionKeys)) continue;
        Section sec;
        if (const json* j = c.required(sv, sp, "id"))
            if (auto sid = c.id(*j, sp + "/id")) sec.id = *sid;
        if (const json* j = c.required(sv, sp, "title")) {
            sec.title = c.local_text(*j, sp + "/title", "section title", complete);
            cov.mark(sec.title);
        }
        const json* crit = c.required(sv, sp, "criteria");
        if (crit && (!crit->is_array() || crit->empty()))
            c.error(sp + "/criteria", "expected a non-empty array of criteria, found " + FieldReader::found(*crit));
        for (std::size_t k = 0; crit && crit->is_array() && k < crit->size(); ++k) {
            const std::string kp = pointer_append(sp + "/criteria", k);
            auto criterion = read_criterion(c, (*crit)[k], kp, set, cov);
            if (!criterion) continue;
            if (auto [it, fresh] = seen.emplace(criterion->id, kp); !fresh) {
                const TextPosition first = c.source().position_of(it->second + "/id");
                c.error(kp + "/id", "duplicate criterion id '" + criterion->id +
                                        "', already used at " + c.source().file() + ":" +
                                        std::to_string(first.line) + ":" +
                                        std::to_string(first.column));
                continue;
            }
            sec.criteria.push_back(std::move(*criterion));
        }
        if (seen.count(sec.id) && !sec.id.empty())
            c.error(sp + "/id", "section id '" + sec.id + "' is also a criterion id; ids are unique");
        s.sections.push_back(std::move(sec));
    }
    if (!id) return std::nullopt;
    s.id = *id;
    return s;
}

} // namespace

// [SECTION] Loader entry point ------------------------------------------------------------

void load_quality(const fs::path& dir, ContentSet& set, LoadResult& r) {
    const fs::path folder = dir / "quality";
    const auto listed = json_files(folder, "scorecards", r.diagnostics, SubFolders::Skip);
    if (!listed) return;
    const std::vector<fs::path>& files = *listed;
    r.counts["scorecards"] += 0;
    r.counts["criteria"] += 0;
    for (std::string_view loc : kLocales)
        r.complete_text["scorecards"][std::string(loc)] += 0;
    auto quality = std::make_shared<QualityContent>();
    std::map<std::string, std::string> ids; // scorecard id → file
    for (const fs::path& path : files) {
        ++r.files;
        const JsonSource src = JsonSource::from_file(path, path.string());
        const auto first = r.diagnostics.size();
        r.diagnostics.insert(r.diagnostics.end(), src.diagnostics().begin(),
                             src.diagnostics().end());
        if (src.parsed()) {
            FieldReader c{src, r.diagnostics};
            Coverage cov;
            auto card = read_scorecard(c, src.value(), set, cov);
            if (card && !ids.emplace(card->id, src.file()).second)
                c.error("/id", "duplicate scorecard id '" + card->id + "', already used in " +
                                   ids[card->id]);
            else if (card) {
                ++r.counts["scorecards"];
                r.counts["criteria"] += static_cast<int>(card->criteria().size());
                for (std::string_view loc : kLocales)
                    if (cov.complete.count(std::string(loc)) == 0)
                        ++r.complete_text["scorecards"][std::string(loc)];
                quality->scorecards.push_back(std::move(*card));
            }
        }
        std::stable_sort(r.diagnostics.begin() + static_cast<std::ptrdiff_t>(first),
                         r.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
                             return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                         });
    }
    if (!quality->scorecards.empty()) set.quality = std::move(quality);
}

} // namespace trainer::content
