#include "trainer/quality/motivation_config.hpp"

#include "trainer/content/json_source.hpp"
#include "trainer/content/model.hpp"
#include "trainer/content/onboarding_model.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <set>
#include <utility>

namespace trainer::quality {

namespace {

using nlohmann::json;

struct Problems {
    std::vector<std::pair<std::string, std::string>> list; // JSON pointer, message
    void add(const std::string& ptr, const std::string& msg) { list.emplace_back(ptr, msg); }
};

void only_keys(const json& obj, const std::string& ptr, const std::set<std::string>& allowed,
               Problems& p) {
    for (const auto& [k, v] : obj.items())
        if (!allowed.count(k)) {
            std::string list;
            for (const auto& a : allowed)
                list += (list.empty() ? "" : ", ") + a;
            p.add(ptr + "/" + k, "unknown key; allowed: " + list);
        }
}

std::optional<double> percent(const json& v, const std::string& ptr, Problems& p) {
    if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 100) {
        p.add(ptr, "expected a number from 0 to 100, found " + v.dump());
        return std::nullopt;
    }
    return v.get<double>();
}

std::vector<std::string> ids(const json& v, const std::string& ptr, Problems& p) {
    std::vector<std::string> out;
    if (!v.is_array()) {
        p.add(ptr, "expected an array of module ids, found " + v.dump());
        return out;
    }
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i].is_string() && !v[i].get<std::string>().empty())
            out.push_back(v[i].get<std::string>());
        else
            p.add(ptr + "/" + std::to_string(i), "expected a module id, found " + v[i].dump());
    return out;
}


MotivationConfig parse_config(const json& j, Problems& p) {
    MotivationConfig c;
    if (!j.is_object()) {
        p.add("", "expected a JSON object (the motivation rules), found another JSON value");
        return c;
    }
    only_keys(j, "", {"period", "weights", "training", "gates", "qa_pass_mark", "description"}, p);
    if (auto it = j.find("period"); it != j.end()) {
        const auto k = it->is_string() ? parse_period_kind(it->get<std::string>()) : std::nullopt;
        if (!k)
            p.add("/period", "expected \"month\" or \"quarter\", found " + it->dump());
        else
            c.period = *k;
    }
    if (auto it = j.find("weights"); it != j.end()) {
        if (!it->is_object()) {
            p.add("/weights", "expected an object of weights per component");
        } else {
            only_keys(*it, "/weights", {std::begin(kComponents), std::end(kComponents)}, p);
            for (const char* k : kComponents)
                if (auto w = it->find(k); w != it->end()) {
                    if (!w->is_number() || w->get<double>() < 0 || !std::isfinite(w->get<double>()))
                        p.add(std::string("/weights/") + k,
                              "expected a number >= 0, found " + w->dump());
                    else
                        c.weights[k] = w->get<double>();
                } else {
                    c.weights[k] = 0; // a component not named is not part of the index
                }
            double total = 0;
            for (const auto& [k, w] : c.weights)
                total += w;
            if (total <= 0) p.add("/weights", "at least one weight must be above 0");
        }
    }
    if (auto it = j.find("training"); it != j.end()) {
        if (!it->is_object())
            p.add("/training", "expected an object {\"modules\": [...]}");
        else {
            only_keys(*it, "/training", {"modules"}, p);
            if (auto m = it->find("modules"); m != it->end())
                c.training_modules = ids(*m, "/training/modules", p);
        }
    }
    if (auto it = j.find("gates"); it != j.end()) {
        if (!it->is_object()) {
            p.add("/gates", "expected an object of eligibility gates");
        } else {
            only_keys(*it, "/gates", {"min_quality", "min_evaluations", "required_modules"}, p);
            if (auto g = it->find("min_quality"); g != it->end())
                c.min_quality = g->is_null() ? std::nullopt : percent(*g, "/gates/min_quality", p);
            if (auto g = it->find("min_evaluations"); g != it->end()) {
                if (!g->is_number_integer() || g->get<long long>() < 0 || g->get<long long>() > 1000)
                    p.add("/gates/min_evaluations", "expected an integer from 0 to 1000, found " + g->dump());
                else
                    c.min_evaluations = g->get<int>();
            }
            if (auto g = it->find("required_modules"); g != it->end())
                c.required_modules = ids(*g, "/gates/required_modules", p);
        }
    }
    if (auto it = j.find("qa_pass_mark"); it != j.end())
        if (auto v = percent(*it, "/qa_pass_mark", p)) c.qa_pass_mark = *v;
    // Training in the index with no module to count would give everyone 0 % training, silently
    // (as a misspelt module did, issue 16 point 5).
    if (const auto w = c.weights.find("training"); w != c.weights.end() && w->second > 0 && c.training_modules.empty()) {
        const bool named = j.contains("weights") && j["weights"].is_object() && j["weights"].contains("training");
        const auto weight = std::to_string(static_cast<long long>(std::llround(w->second)));
        p.add(named ? "/weights/training" : "",
              "training weighs " + weight + (named ? "" : " (the default)") +
                  " in the index, but /training/modules names no module, so everyone would get 0 % "
                  "training; list the modules that count, or set /weights/training to 0");
    }
    // A module listed twice would count twice towards training.
    for (const auto& [list, ptr] : {std::pair{&c.training_modules, "/training/modules"},
                                    std::pair{&c.required_modules, "/gates/required_modules"}})
        for (std::size_t i = 1; i < list->size(); ++i)
            if (std::find(list->begin(), list->begin() + static_cast<std::ptrdiff_t>(i), (*list)[i]) !=
                list->begin() + static_cast<std::ptrdiff_t>(i))
                p.add(std::string(ptr) + "/" + std::to_string(i),
                      "module '" + (*list)[i] + "' is listed twice; list each module once");
    return c;
}

// Module ids must name modules of the content: a typo would silently give everyone 0 %.
void check_against_content(const MotivationConfig& c, const content::ContentSet& content, Problems& p) {
    const auto* onboarding = content.onboarding.get();
    auto check = [&](const std::vector<std::string>& ids, const std::string& ptr) {
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (!onboarding || !onboarding->find_module(ids[i])) {
                std::string known;
                if (onboarding)
                    for (const auto& m : onboarding->modules) known += (known.empty() ? "" : ", ") + m.id;
                p.add(ptr + "/" + std::to_string(i),
                      "unknown module '" + ids[i] + "'; expected a module id of the content" +
                          (known.empty() ? std::string(" (the content has no onboarding modules)")
                                         : " (" + known + ")"));
            }
    };
    check(c.training_modules, "/training/modules");
    check(c.required_modules, "/gates/required_modules");
}

} // namespace

MotivationConfig motivation_config_from_json(const json& j) {
    Problems p;
    MotivationConfig c = parse_config(j, p);
    if (!p.list.empty()) {
        std::string msg = "motivation config refused:";
        for (const auto& [ptr, m] : p.list)
            msg += "\n  " + ptr + ": " + m;
        throw ConfigError(msg);
    }
    return c;
}

MotivationConfig read_motivation_config(const std::filesystem::path& path,
                                        const content::ContentSet* content) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw ConfigError(path.string() + ": cannot read the motivation config (" +
                          (std::filesystem::exists(path, ec) ? "not a regular file" : "no such file") +
                          "); pass --config FILE or restore config/motivation.json");
    // Parsed with the content's position scanner, so every problem reads file:line:column.
    const auto src = content::JsonSource::from_file(path, path.string());
    std::vector<std::string> lines;
    for (const auto& d : src.diagnostics())
        if (d.severity == content::Severity::Error) lines.push_back(d.to_string());
    if (lines.empty() && src.parsed()) {
        Problems p;
        const MotivationConfig c = parse_config(src.value(), p);
        if (content && p.list.empty()) check_against_content(c, *content, p);
        for (const auto& [ptr, m] : p.list)
            lines.push_back(src.diagnostic(content::Severity::Error, ptr, m).to_string());
        if (lines.empty()) return c;
    }
    std::string msg = "motivation config refused (" + std::to_string(lines.size()) + " problem" +
                      (lines.size() == 1 ? "" : "s") + "; nothing was computed):";
    for (const auto& l : lines) msg += "\n  " + l;
    throw ConfigError(msg);
}



json to_json(const MotivationConfig& c) {
    json gates = {{"min_evaluations", c.min_evaluations}, {"required_modules", c.required_modules}};
    gates["min_quality"] = c.min_quality ? json(*c.min_quality) : json(nullptr);
    return {{"period", period_kind_name(c.period)},
            {"weights", c.weights},
            {"training", {{"modules", c.training_modules}}},
            {"gates", gates},
            {"qa_pass_mark", c.qa_pass_mark}};
}

} // namespace trainer::quality
