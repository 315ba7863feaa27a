// Loads content/change/*.json (format: content/README.md "Change"): pulse.json, phases.json and
// maturity.json are required once the folder exists; rollouts.json is optional (an admin may
// create rollouts from the CLI instead). Every problem is reported with file:line:column and the
// JSON pointer; a missing Polish or Russian text is a warning, missing English an error.
//
// [SECTION] Reader: typed reads that report expected vs found
// [SECTION] Files: pulse, phases, maturity, rollouts
// [SECTION] Entry point and model helpers
#include "trainer/content/change_model.hpp"
#include "trainer/content/deck_parser.hpp"
#include "trainer/content/field_reader.hpp"
#include "trainer/content/json_source.hpp"
#include "trainer/content/kinds.hpp"
#include "trainer/core/time.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <tuple>

namespace trainer::content {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// [SECTION] Reader ------------------------------------------------------------------------


// The shared FieldReader plus what only the change files need: dates, fixed-size arrays and the
// per-locale completeness counts of the load result.
struct Reader {
    const JsonSource& src;
    LoadResult& r;
    const std::string kind; // for complete_text counts
    FieldReader f{src, r.diagnostics};

    void error(const std::string& ptr, std::string msg, Anchor a = Anchor::Value) { f.error(ptr, std::move(msg), a); }
    bool object(const json& v, const std::string& ptr, std::initializer_list<const char*> allowed) {
        return f.object(v, ptr, allowed);
    }
    const json* required(const json& obj, const std::string& ptr, const char* key) { return f.required(obj, ptr, key); }
    std::optional<std::string> text(const json& v, const std::string& ptr) { return f.text(v, ptr); }
    std::optional<std::string> id(const json& v, const std::string& ptr) { return f.id(v, ptr); }
    std::optional<std::string> date(const json& v, const std::string& ptr) {
        auto s = text(v, ptr);
        if (s && (s->size() != 10 || !parse_date(*s))) {
            error(ptr, "expected a date YYYY-MM-DD, found " + quoted_input(*s));
            return std::nullopt;
        }
        return s;
    }
    // A text per locale; complete tells whether en, pl and ru were all given.
    LocalText local(const json& v, const std::string& ptr, const std::string& what, bool* complete = nullptr) {
        bool all = true;
        LocalText out = f.local_text(v, ptr, what, all);
        if (complete) *complete &= all;
        return out;
    }
    // The required array `key` of `n_min`..`n_max` items; nullptr (with an error) if not an array.
    const json* array(const json& obj, const std::string& ptr, const char* key, std::size_t n_min, std::size_t n_max) {
        const json* a = required(obj, ptr, key);
        return a ? f.array(*a, pointer_append(ptr, key), "items", n_min, n_max) : nullptr;
    }
    void count(const std::string& k, bool complete) {
        ++r.counts[k];
        if (!complete) return;
        for (std::string_view loc : kLocales) ++r.complete_text[k][std::string(loc)];
    }
    // Counts one item per locale whose given texts cover that locale (for partial coverage).
    void count_item(const std::string& k, const std::vector<const LocalText*>& texts) {
        ++r.counts[k];
        for (std::string_view loc : kLocales)
            if (std::all_of(texts.begin(), texts.end(), [&](const LocalText* t) { return t->count(loc) > 0; }))
                ++r.complete_text[k][std::string(loc)];
    }
};

// [SECTION] Files -------------------------------------------------------------------------

void read_pulse(Reader& rd, ChangeContent& c) {
    const json& v = rd.src.value();
    if (!rd.object(v, "", {"scale", "statements"})) return;
    if (const json* s = rd.array(v, "", "scale", 5, 5); s && s->size() == 5)
        for (std::size_t i = 0; i < 5; ++i)
            c.scale[i] = rd.local((*s)[i], pointer_append("/scale", i), "answer label");
    const json* a = rd.array(v, "", "statements", kMinStatements, kMaxStatements);
    if (!a) return;
    std::set<std::string> ids;
    std::set<Dimension> covered;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = pointer_append("/statements", i);
        const json& s = (*a)[i];
        if (!rd.object(s, p, {"id", "dimension", "reverse", "text"})) continue;
        PulseStatement st;
        std::optional<std::string> id;
        if (const json* j = rd.required(s, p, "id")) id = rd.id(*j, p + "/id");
        if (id && !ids.insert(*id).second) rd.error(p + "/id", "duplicate statement id '" + *id + "'"), id.reset();
        if (const json* j = rd.required(s, p, "dimension")) {
            const auto d = j->is_string() ? dimension_from_id(j->get<std::string>()) : std::nullopt;
            if (!d)
                rd.error(p + "/dimension", "expected one of awareness, acceptance, practice, ownership, found " +
                                               (j->is_string() ? quoted_input(j->get<std::string>()) : describe_found(*j)));
            else st.dimension = *d, covered.insert(*d);
        }
        if (auto it = s.find("reverse"); it != s.end()) {
            if (!it->is_boolean()) rd.error(p + "/reverse", "expected true or false, found " + describe_found(*it));
            else st.reverse = it->get<bool>();
        }
        if (const json* j = rd.required(s, p, "text")) st.text = rd.local(*j, p + "/text", "statement");
        if (!id) continue;
        st.id = *id;
        rd.count_item("pulse statements", {&st.text});
        c.pulse.push_back(std::move(st));
    }
    for (Dimension d : kDimensions)
        if (!covered.count(d))
            rd.error("/statements", std::string("no statement measures '") + dimension_id(d) +
                                        "': the phase rule needs every dimension");
}

void read_phases(Reader& rd, ChangeContent& c) {
    const json& v = rd.src.value();
    if (!rd.object(v, "", {"phases"})) return;
    const json* a = rd.array(v, "", "phases", 4, 4);
    if (!a) return;
    std::set<Phase> seen;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = pointer_append("/phases", i);
        const json& s = (*a)[i];
        if (!rd.object(s, p, {"id", "name", "description", "lead_action"})) continue;
        std::optional<Phase> phase;
        if (const json* j = rd.required(s, p, "id")) {
            phase = j->is_string() ? phase_from_id(j->get<std::string>()) : std::nullopt;
            if (!phase)
                rd.error(p + "/id", "expected one of denial, resistance, exploration, commitment, found " +
                                        (j->is_string() ? quoted_input(j->get<std::string>()) : describe_found(*j)));
            else if (!seen.insert(*phase).second)
                rd.error(p + "/id", std::string("phase '") + phase_id(*phase) + "' is described twice"), phase.reset();
        }
        PhaseInfo info;
        if (const json* j = rd.required(s, p, "name")) info.name = rd.local(*j, p + "/name", "phase name");
        if (const json* j = rd.required(s, p, "description"))
            info.description = rd.local(*j, p + "/description", "description");
        if (const json* j = rd.required(s, p, "lead_action"))
            info.lead_action = rd.local(*j, p + "/lead_action", "lead action");
        if (!phase) continue;
        info.phase = *phase;
        rd.count_item("phases", {&info.name, &info.description, &info.lead_action});
        c.phases[static_cast<std::size_t>(*phase)] = std::move(info);
    }
    for (Phase ph : kPhases)
        if (!seen.count(ph)) rd.error("/phases", std::string("missing phase '") + phase_id(ph) + "'");
}

void read_maturity(Reader& rd, ChangeContent& c) {
    const json& v = rd.src.value();
    if (!rd.object(v, "", {"answers", "bands", "questions"})) return;
    if (const json* s = rd.array(v, "", "answers", 3, 3); s && s->size() == 3)
        for (std::size_t i = 0; i < 3; ++i)
            c.maturity_answers[i] = rd.local((*s)[i], pointer_append("/answers", i), "answer label");
    if (const json* b = rd.required(v, "", "bands"); b && rd.object(*b, "/bands", {"alarm", "work-to-do", "satisfactory"}))
        for (auto band : {MaturityBand::Alarm, MaturityBand::WorkToDo, MaturityBand::Satisfactory})
            if (const json* j = rd.required(*b, "/bands", band_id(band)))
                c.maturity_bands[static_cast<std::size_t>(band)] =
                    rd.local(*j, pointer_append("/bands", band_id(band)), "band text");
    const json* a = rd.array(v, "", "questions", kMaturityQuestions, kMaturityQuestions);
    if (!a) return;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = pointer_append("/questions", i);
        if (!rd.object((*a)[i], p, {"id", "text"})) continue;
        MaturityQuestion q;
        std::optional<std::string> id;
        if (const json* j = rd.required((*a)[i], p, "id")) id = rd.id(*j, p + "/id");
        if (id && !ids.insert(*id).second) rd.error(p + "/id", "duplicate question id '" + *id + "'"), id.reset();
        if (const json* j = rd.required((*a)[i], p, "text")) q.text = rd.local(*j, p + "/text", "question");
        if (!id) continue;
        q.id = *id;
        rd.count_item("maturity questions", {&q.text});
        c.maturity.push_back(std::move(q));
    }
}

std::vector<std::string> id_list(Reader& rd, const json& obj, const std::string& p, const char* key,
                                 bool allow_empty) {
    std::vector<std::string> out;
    const json* a = rd.array(obj, p, key, allow_empty ? 0 : 1, 100000);
    if (!a) return out;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string ip = pointer_append(pointer_append(p, key), i);
        auto id = rd.id((*a)[i], ip);
        if (!id) continue;
        if (std::find(out.begin(), out.end(), *id) != out.end()) rd.error(ip, "'" + *id + "' is listed twice");
        else out.push_back(*id);
    }
    return out;
}

void read_rollouts(Reader& rd, const ContentSet& set, ChangeContent& c) {
    const json& v = rd.src.value();
    if (!rd.object(v, "", {"rollouts"})) return;
    const json* a = rd.array(v, "", "rollouts", 0, 1000);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = pointer_append("/rollouts", i);
        const json& s = (*a)[i];
        if (!rd.object(s, p, {"id", "title", "description", "cards", "modules", "teams", "start", "target"}))
            continue;
        Rollout ro;
        std::optional<std::string> id, start, target;
        if (const json* j = rd.required(s, p, "id")) id = rd.id(*j, p + "/id");
        if (id && c.find_rollout(*id)) rd.error(p + "/id", "duplicate rollout id '" + *id + "'"), id.reset();
        if (const json* j = rd.required(s, p, "title")) ro.title = rd.local(*j, p + "/title", "title");
        if (auto it = s.find("description"); it != s.end()) ro.description = rd.local(*it, p + "/description", "description");
        ro.cards = id_list(rd, s, p, "cards", false);
        if (const auto it = s.find("cards"); it != s.end() && it->is_array())
            for (std::size_t k = 0; k < it->size(); ++k)
                if ((*it)[k].is_string() && is_valid_id((*it)[k].get<std::string>()) &&
                    !set.find_card((*it)[k].get<std::string>()))
                    rd.error(pointer_append(p + "/cards", k),
                             "card '" + (*it)[k].get<std::string>() + "' is not in any deck");
        ro.modules = s.contains("modules") ? id_list(rd, s, p, "modules", true) : std::vector<std::string>{};
        ro.teams = id_list(rd, s, p, "teams", false);
        if (const json* j = rd.required(s, p, "start")) start = rd.date(*j, p + "/start");
        if (const json* j = rd.required(s, p, "target")) target = rd.date(*j, p + "/target");
        if (start && target && *target < *start)
            rd.error(p + "/target", "target date " + *target + " is before the start date " + *start), target.reset();
        if (!id || !start || !target) continue;
        ro.id = *id;
        ro.start_date = *start;
        ro.target_date = *target;
        rd.count_item("rollouts", {&ro.title});
        c.rollouts.push_back(std::move(ro));
    }
}

// [SECTION] Entry point -------------------------------------------------------------------

template <class Fn>
void read_file(const fs::path& path, bool required, LoadResult& r, Fn&& fn) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        if (required)
            r.diagnostics.push_back({Severity::Error, path.string(), 0, 0, "", "required change content file is missing"});
        return;
    }
    ++r.files;
    const JsonSource src = JsonSource::from_file(path, path.string());
    const auto first = static_cast<std::ptrdiff_t>(r.diagnostics.size());
    r.diagnostics.insert(r.diagnostics.end(), src.diagnostics().begin(), src.diagnostics().end());
    if (src.parsed()) {
        Reader rd{src, r, ""};
        fn(rd);
    }
    std::stable_sort(r.diagnostics.begin() + first, r.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
}

} // namespace

void load_change(const fs::path& dir, ContentSet& set, LoadResult& r) {
    const fs::path folder = dir / "change";
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return;
    for (const char* k : {"pulse statements", "phases", "maturity questions", "rollouts"}) {
        r.counts[k] = 0;
        for (std::string_view loc : kLocales) r.complete_text[k][std::string(loc)] = 0;
    }
    auto c = std::make_shared<ChangeContent>();
    read_file(folder / "pulse.json", true, r, [&](Reader& rd) { read_pulse(rd, *c); });
    read_file(folder / "phases.json", true, r, [&](Reader& rd) { read_phases(rd, *c); });
    read_file(folder / "maturity.json", true, r, [&](Reader& rd) { read_maturity(rd, *c); });
    read_file(folder / "rollouts.json", false, r, [&](Reader& rd) { read_rollouts(rd, set, *c); });
    set.change = std::move(c);
}

// Model helpers ---------------------------------------------------------------------------

namespace {
constexpr const char* kPhaseIds[] = {"denial", "resistance", "exploration", "commitment"};
constexpr const char* kDimensionIds[] = {"awareness", "acceptance", "practice", "ownership"};
constexpr const char* kBandIds[] = {"alarm", "work-to-do", "satisfactory"};
} // namespace

const char* phase_id(Phase p) { return kPhaseIds[static_cast<int>(p)]; }
std::optional<Phase> phase_from_id(std::string_view id) {
    for (int i = 0; i < 4; ++i)
        if (id == kPhaseIds[i]) return static_cast<Phase>(i);
    return std::nullopt;
}
const char* dimension_id(Dimension d) { return kDimensionIds[static_cast<int>(d)]; }
std::optional<Dimension> dimension_from_id(std::string_view id) {
    for (int i = 0; i < 4; ++i)
        if (id == kDimensionIds[i]) return static_cast<Dimension>(i);
    return std::nullopt;
}
const char* band_id(MaturityBand b) { return kBandIds[static_cast<int>(b)]; }
// Thresholds of the self-check: below 20 of 30 an alarm, 20-24 work to do, 25-30 satisfactory.
MaturityBand band_of(int total) {
    if (total < 20) return MaturityBand::Alarm;
    if (total < 25) return MaturityBand::WorkToDo;
    return MaturityBand::Satisfactory;
}

const Rollout* ChangeContent::find_rollout(std::string_view id) const {
    for (const auto& r : rollouts)
        if (r.id == id) return &r;
    return nullptr;
}
const PulseStatement* ChangeContent::find_statement(std::string_view id) const {
    for (const auto& s : pulse)
        if (s.id == id) return &s;
    return nullptr;
}

} // namespace trainer::content
