#pragma once
// Shared by the change, report and demo-seed commands: content, database and the acting person.
#include "trainer/cli/cli.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/core/time.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/store/event_store.hpp"

#include <memory>
#include <optional>
#include <string>

namespace trainer::cli::change_cli {

inline std::shared_ptr<const content::ContentSet> load_content_or_throw(const Args& a) {
    const auto dir = content_dir(a);
    const content::LoadResult loaded = content::load_content(dir);
    if (!loaded.ok()) {
        std::string all = "content in " + dir.string() + " was refused (" + std::to_string(loaded.error_count()) +
                          " errors):";
        for (const auto& d : loaded.diagnostics)
            if (d.severity == content::Severity::Error) all += "\n  " + d.to_string();
        throw std::runtime_error(all);
    }
    return loaded.content;
}

// --as PERSON acts as that person (their role and teams decide what they may see); without it the
// CLI acts as the admin.
inline identity::Actor actor_of(const Args& a, store::Database& db) {
    if (auto as = a.value("as")) return identity::actor_for(db, *as);
    return identity::cli_admin();
}

// A YYYY-MM-DD option as a UTC day number; UsageError naming the option otherwise.
inline std::optional<std::int64_t> day_option(const Args& a, const std::string& name) {
    auto v = a.value(name);
    if (!v) return std::nullopt;
    auto t = parse_date(*v);
    if (!t || v->size() != 10) throw UsageError("--" + name + " expects a date YYYY-MM-DD, got '" + *v + "'");
    return utc_day(*t);
}

} // namespace trainer::cli::change_cli
